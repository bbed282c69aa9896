namespace SmartConformance.Harness.Requirements;

/// <summary>Why no check verifies a requirement: a small fixed set, so coverage figures mean the same thing everywhere.</summary>
public static class NotTestedReason
{
    /// <summary>A rule for apps, not servers.</summary>
    public const string ClientSide = "client-side";
    /// <summary>A person must look at something a protocol exchange does not show; the note says what.</summary>
    public const string NeedsHumanJudgement = "needs-human-judgement";
    /// <summary>Planned: the row names the planned check ids when there are any.</summary>
    public const string NotYet = "not-yet";
    /// <summary>Outside what the suite can or should observe; the note says why.</summary>
    public const string OutOfScope = "out-of-scope";

    public static IReadOnlyList<string> All { get; } = [ClientSide, NeedsHumanJudgement, NotYet, OutOfScope];

    public static bool IsKnown(string reason) => All.Contains(reason, StringComparer.Ordinal);
}
