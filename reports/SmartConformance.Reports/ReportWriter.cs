using SmartConformance.Reports.Model;

namespace SmartConformance.Reports;

/// <summary>Where <see cref="ReportWriter.WriteAll"/> put the three reports.</summary>
public sealed record ReportFiles(string Json, string JUnit, string Html);

/// <summary>Writes every report format of one run into a folder.</summary>
public static class ReportWriter
{
    /// <summary>Creates <paramref name="directory"/> if needed and writes report.json, junit.xml and report.html into it, replacing earlier ones.</summary>
    /// <param name="beforeJson">Last changes to the report.json copy, made after the other two are written (the time spent writing them).</param>
    public static ReportFiles WriteAll(RunReport report, string directory, Func<RunReport, RunReport>? beforeJson = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var folder = Directory.CreateDirectory(directory).FullName;
        var files = new ReportFiles(
            Path.Combine(folder, JsonReportWriter.FileName),
            Path.Combine(folder, JUnitReportWriter.FileName),
            Path.Combine(folder, HtmlReportWriter.FileName));
        // Independent files: side by side they take the time of the slower one (a failure still surfaces as itself).
        var html = Task.Run(() => HtmlReportWriter.Write(report, files.Html));
        JUnitReportWriter.Write(report, files.JUnit);
        html.GetAwaiter().GetResult();
        JsonReportWriter.Write(beforeJson?.Invoke(report) ?? report, files.Json);
        return files;
    }
}
