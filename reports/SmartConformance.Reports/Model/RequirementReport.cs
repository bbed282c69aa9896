namespace SmartConformance.Reports.Model;

/// <summary>
/// The requirements view of a run: every HL7 SMART App Launch 2.2 server requirement with the checks that test it
/// and a rolled-up verdict, or "not-tested" with the reason; and the RFC/OpenID clauses the checks name.
/// </summary>
public sealed record RequirementsReport
{
    /// <summary>The requirement list the rows come from.</summary>
    public required string Source { get; init; }
    public required RequirementCoverageReport Coverage { get; init; }
    public required IReadOnlyList<RequirementReport> Rows { get; init; }
    public IReadOnlyList<RequirementReport> References { get; init; } = [];
}

/// <summary>Static coverage of the list: tested (a check declares it), explained (a reason), and both by level.</summary>
public sealed record RequirementCoverageReport
{
    public required int Total { get; init; }
    public required int Tested { get; init; }
    public required int Explained { get; init; }
    public required IReadOnlyList<LevelCoverageReport> ByLevel { get; init; }
    /// <summary>How many rows Inferno's SMART App Launch Test Kit links to one of its tests.</summary>
    public required int InfernoTested { get; init; }
}

public sealed record LevelCoverageReport(string Level, int Total, int Tested, int Explained);

/// <summary>One requirement: what it says in one line, where the spec says it, and how this run judged it.</summary>
public sealed record RequirementReport
{
    public required string Id { get; init; }
    /// <summary>SHALL, SHALL NOT, SHOULD, SHOULD NOT, MAY, MUST...</summary>
    public required string Level { get; init; }
    public required string Summary { get; init; }
    public required string Url { get; init; }
    /// <summary>What the server must advertise for the row to apply (capability:NAME, grant:NAME, endpoint:FIELD, "|" = or).</summary>
    public string? Condition { get; init; }
    public IReadOnlyList<string> Checks { get; init; } = [];
    /// <summary>One of <see cref="RequirementVerdictNames"/>.</summary>
    public required string Verdict { get; init; }
    /// <summary>Why the verdict: the checks that failed or skipped, the capability not advertised, or why it is not tested.</summary>
    public required string Reason { get; init; }
    /// <summary>client-side, needs-human-judgement, not-yet or out-of-scope, when no check tests the row.</summary>
    public string? NotTested { get; init; }
    public IReadOnlyList<string> PlannedChecks { get; init; } = [];
}

public static class RequirementVerdictNames
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Warn = "warn";
    public const string Skip = "skip";
    public const string Error = "error";
    public const string NotTested = "not-tested";
}
