namespace SmartConformance.Reports.Model;

/// <summary>
/// How this run compares with an earlier report.json (--baseline). A check "fails" when its verdict is fail or error,
/// the verdicts that fail a run.
/// </summary>
public sealed record BaselineComparison
{
    /// <summary>The baseline report.json as it was given on the command line.</summary>
    public required string Path { get; init; }
    /// <summary>When the baseline run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>The baseline run's suite version.</summary>
    public string? SuiteVersion { get; init; }
    /// <summary>Checks that fail now and did not fail in the baseline (passed, warned, were skipped, or did not exist).</summary>
    public IReadOnlyList<BaselineChange> NewFailures { get; init; } = [];
    /// <summary>Checks that failed in the baseline and pass (or warn) now.</summary>
    public IReadOnlyList<BaselineChange> Fixed { get; init; } = [];
    /// <summary>Checks that failed in the baseline and still fail.</summary>
    public IReadOnlyList<BaselineChange> UnchangedFailures { get; init; } = [];
}

/// <summary>One check in a baseline comparison: its verdict now and in the baseline (null when the baseline did not run it).</summary>
public sealed record BaselineChange(string Id, string Title, string Verdict, string? BaselineVerdict = null);
