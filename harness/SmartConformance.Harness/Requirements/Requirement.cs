namespace SmartConformance.Harness.Requirements;

/// <summary>
/// One requirement a check can name in [Requirement(...)]: an HL7 SMART App Launch 2.2 server requirement, or an
/// RFC/OpenID clause. The summary is ours; the URL leads to the normative text. Whether it is tested is never part of
/// the data: it follows from the checks that declare the id.
/// </summary>
public sealed record Requirement
{
    public required string Id { get; init; }
    public required string Level { get; init; }
    public required string Summary { get; init; }
    public required string Url { get; init; }
    public required RequirementSource Source { get; init; }

    /// <summary>When the requirement applies only to servers that advertise something; null when it always applies.</summary>
    public RequirementCondition? Condition { get; init; }

    /// <summary>One of <see cref="NotTestedReason"/> when no check is expected to verify it yet; null when a check should.</summary>
    public string? NotTested { get; init; }

    /// <summary>Check ids (catalogue.md section (e)) planned to verify it.</summary>
    public IReadOnlyList<string> PlannedChecks { get; init; } = [];

    /// <summary>What a person must look at, why it is out of scope, or what the planned check will do.</summary>
    public string? Note { get; init; }

    /// <summary>Inferno SMART App Launch Test Kit tests linked to this requirement (HL7 rows only).</summary>
    public IReadOnlyList<string> InfernoTests { get; init; } = [];

    public bool IsMandatory => RequirementLevel.IsMandatory(Level);
}

public enum RequirementSource
{
    /// <summary>hl7.fhir.uv.smart-app-launch_2.2.0@N: the rows HL7 lists as server requirements.</summary>
    SmartAppLaunch,
    /// <summary>RFC and OpenID Connect clauses the checks also enforce (RFC6749@4.1.2, OIDC-Core@3.1.3.7...).</summary>
    Reference,
}
