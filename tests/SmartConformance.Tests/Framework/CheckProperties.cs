namespace SmartConformance.Tests.Framework;

/// <summary>Names of the NUnit properties that carry a check's identity into results and reports.</summary>
public static class CheckProperties
{
    public const string Id = "CheckId";
    public const string Title = "CheckTitle";
    public const string SpecSection = "SpecSection";
    public const string SpecUrl = "SpecUrl";
    public const string Requirement = "Requirement";
    public const string Group = "CheckGroup";
}
