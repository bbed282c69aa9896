namespace SmartConformance.Reports;

/// <summary>The JSON Schema (draft 2020-12) of report.json, as shipped in this assembly.</summary>
public static class ReportSchema
{
    public const string FileName = "report.schema.json";
    private const string ResourceName = "SmartConformance.Reports.report.schema.json";

    /// <summary>The schema text.</summary>
    public static string Read()
    {
        using var stream = typeof(ReportSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(ReportSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
