namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>Discovery's associated_endpoints entries have a url but no capabilities array.</summary>
internal sealed class AssociatedEndpointsWithoutCapabilities : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.associated-endpoints-without-capabilities",
        "associated_endpoints entries have no capabilities",
        "SMART App Launch 2.2 conformance.html#metadata",
        ["DISC-11"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document =>
    {
        foreach (var endpoint in document.AssociatedEndpoints ?? []) endpoint.Capabilities = null;
    });
}
