using System.Text.Json;
using SmartConformance.Reports.Json;
using SmartConformance.Reports.Model;

namespace SmartConformance.Reports;

/// <summary>Reads a report.json back into a <see cref="RunReport"/>, for instance to compare a run with a baseline.</summary>
public static class JsonReportReader
{
    /// <summary>Parses report.json text. Members this version does not know are ignored.</summary>
    /// <exception cref="InvalidDataException">The text is not a SmartConformance report.</exception>
    public static RunReport Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<RunReport>(json, ReportJson.ReadOptions) ?? throw NotAReport("the document is null");
        }
        catch (JsonException e)
        {
            throw NotAReport(e.Message, e);
        }
    }

    /// <summary>Reads the report.json file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a SmartConformance report.</exception>
    public static RunReport Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static async Task<RunReport> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return await JsonSerializer.DeserializeAsync<RunReport>(stream, ReportJson.ReadOptions, cancellationToken).ConfigureAwait(false)
                ?? throw NotAReport("the document is null");
        }
        catch (JsonException e)
        {
            throw NotAReport(e.Message, e);
        }
    }

    private static InvalidDataException NotAReport(string why, Exception? inner = null) =>
        new($"Not a SmartConformance report.json: {why}", inner);
}
