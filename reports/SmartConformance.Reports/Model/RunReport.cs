namespace SmartConformance.Reports.Model;

/// <summary>
/// One conformance run, as written to report.json. The walking-skeleton issue fixes this contract:
/// later versions add fields, never rename or remove them.
/// </summary>
public sealed record RunReport
{
    public int SchemaVersion { get; init; } = 1;
    public required SuiteInfo Suite { get; init; }
    public required TargetInfo Target { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required long DurationMs { get; init; }
    public required RunSummary Summary { get; init; }
    public required IReadOnlyList<CheckReport> Checks { get; init; }

    /// <summary>Run-level remarks a reader must see first (plain-http endpoints, trusted self-signed certificates...).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The requirements view: each SMART App Launch requirement with its checks and verdict, or why it is not tested.</summary>
    public RequirementsReport? Requirements { get; init; }
    /// <summary>Files of the whole run rather than of one check (the browser traces of --trace).</summary>
    public IReadOnlyList<ArtifactReport> Artifacts { get; init; } = [];

    /// <summary>
    /// Milliseconds per phase of the run (startUp, browser, discovery, launches, waits, checks, report): the wall-clock
    /// time during which the phase was in progress; phases overlap when fixtures run in parallel.
    /// </summary>
    public IReadOnlyDictionary<string, long>? Timings { get; init; }

    /// <summary>The comparison with an earlier report.json, when the run was given --baseline.</summary>
    public BaselineComparison? Baseline { get; init; }
}

public sealed record SuiteInfo(string Name, string Version);

public sealed record TargetInfo
{
    public required string FhirBaseUrl { get; init; }
    public required string Profile { get; init; }
    /// <summary>Faults switched on in the embedded reference server; empty for a real server.</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];
}

public sealed record RunSummary(int Passed, int Failed, int Skipped, int Errors, int Warnings)
{
    public int Total => Passed + Failed + Skipped + Errors + Warnings;

    public static RunSummary Of(IEnumerable<CheckReport> checks)
    {
        var list = checks.ToList();
        int Count(string verdict) => list.Count(c => c.Verdict == verdict);
        return new RunSummary(Count(Verdicts.Pass), Count(Verdicts.Fail), Count(Verdicts.Skip), Count(Verdicts.Error), Count(Verdicts.Warn));
    }
}
