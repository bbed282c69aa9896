namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>
/// Any clinical scope reaches every resource type: a Patient/Observation grant also reads Condition, and the unconstrained
/// Patient scope of the granular launch reaches every Observation category (so RS-07 fails too).
/// </summary>
internal sealed class OutOfScopeTypeReadable : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.out-of-scope-type-readable",
        "Resource types outside the granted scopes are readable",
        "SMART App Launch 2.2 app-launch.html#response-6 (the token's scope must cover the requested resource)",
        ["RS-05", "RS-07", "BSV-05", "SCOPE-04"]);

    public void Apply(FaultContext context) => context.Fhir.EnforceScopeResourceTypes = false;
}
