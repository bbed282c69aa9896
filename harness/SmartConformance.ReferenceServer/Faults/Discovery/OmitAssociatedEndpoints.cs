namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>Discovery leaves out the RECOMMENDED associated_endpoints, though a second FHIR base shares its authorization (a SHOULD: a warning).</summary>
internal sealed class OmitAssociatedEndpoints : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.omit-associated-endpoints",
        "associated_endpoints is missing, though /fhir-b shares the authorization server",
        "SMART App Launch 2.2 conformance.html#metadata",
        [],
        ExpectedWarnings: ["DISC-11"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.AssociatedEndpoints = null);
}
