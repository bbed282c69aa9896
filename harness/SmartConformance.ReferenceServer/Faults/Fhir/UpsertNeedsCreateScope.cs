namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>A PUT that would create a resource is refused unless the token also has a create (c) scope.</summary>
internal sealed class UpsertNeedsCreateScope : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.upsert-needs-create-scope",
        "Create-by-update (updateCreate) is refused to a token with an update scope but no create scope",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-fhir-resources",
        ["RS-14"]);

    public void Apply(FaultContext context) => context.Fhir.UpdateScopeCreates = false;
}
