namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>Discovery leaves out the required grant_types_supported.</summary>
internal sealed class OmitGrantTypesSupported : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.omit-grant-types",
        "grant_types_supported is missing from the discovery document",
        "SMART App Launch 2.2 conformance.html#metadata",
        ["DISC-02"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.GrantTypesSupported = null);
}
