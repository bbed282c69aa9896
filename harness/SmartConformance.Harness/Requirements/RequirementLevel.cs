namespace SmartConformance.Harness.Requirements;

/// <summary>Conformance verbs as the requirement lists spell them.</summary>
public static class RequirementLevel
{
    public const string Shall = "SHALL";
    public const string ShallNot = "SHALL NOT";
    public const string Should = "SHOULD";
    public const string ShouldNot = "SHOULD NOT";
    public const string May = "MAY";
    public const string Must = "MUST";
    public const string MustNot = "MUST NOT";

    public static IReadOnlyList<string> All { get; } = [Shall, ShallNot, Should, ShouldNot, May, Must, MustNot];

    /// <summary>A broken mandatory rule is a failure; a broken SHOULD or MAY is a warning.</summary>
    public static bool IsMandatory(string level) => level is Shall or ShallNot or Must or MustNot;
}
