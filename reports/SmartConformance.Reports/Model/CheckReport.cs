namespace SmartConformance.Reports.Model;

/// <summary>The verdict on one check, with the evidence behind it.</summary>
public sealed record CheckReport
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Group { get; init; }
    public required SpecReference Spec { get; init; }
    public IReadOnlyList<string> Requirements { get; init; } = [];
    /// <summary>Inferno SMART App Launch test ids (1.2.08...) that cover the same requirements.</summary>
    public IReadOnlyList<string> Inferno { get; init; } = [];
    /// <summary>One of <see cref="Verdicts"/>.</summary>
    public required string Verdict { get; init; }
    public required string Message { get; init; }
    public long DurationMs { get; init; }
    public IReadOnlyList<ExchangeReport> Exchanges { get; init; } = [];
    public IReadOnlyList<ArtifactReport> Artifacts { get; init; } = [];
}

public sealed record SpecReference(string Section, string Url);

/// <summary>A file saved beside the report (a browser screenshot, a trace), with a path relative to the report folder.</summary>
public sealed record ArtifactReport(string Title, string Path, string Kind);

public static class Verdicts
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Skip = "skip";
    public const string Error = "error";
    public const string Warn = "warn";
}
