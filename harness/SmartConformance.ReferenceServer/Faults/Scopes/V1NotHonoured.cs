namespace SmartConformance.ReferenceServer.Faults.Scopes;

/// <summary>v1 scopes are granted, but the FHIR server only understands v2 ones: a .read scope reads nothing.</summary>
internal sealed class V1NotHonoured : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "scopes.v1-not-honoured",
        "Granted SMART v1 scopes (.read) give no access at the FHIR API",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-fhir-resources; conformance.html#capabilities (permission-v1)",
        ["SCOPE-02"]);

    public void Apply(FaultContext context) => context.Fhir.HonourV1Scopes = false;
}
