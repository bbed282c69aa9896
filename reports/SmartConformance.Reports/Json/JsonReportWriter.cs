using System.Text;
using System.Text.Json;
using SmartConformance.Reports.Json;
using SmartConformance.Reports.Model;

namespace SmartConformance.Reports;

/// <summary>Writes report.json: the machine-readable contract described by report.schema.json.</summary>
public static class JsonReportWriter
{
    public const string FileName = "report.json";

    /// <summary>The report as indented JSON text, ending with a line break.</summary>
    public static string Serialize(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, ReportJson.WriteOptions) + "\n";
    }

    /// <summary>Writes the report to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    public static void Write(RunReport report, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, Serialize(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    public static async Task WriteAsync(RunReport report, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        await JsonSerializer.SerializeAsync(stream, report, ReportJson.WriteOptions, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
