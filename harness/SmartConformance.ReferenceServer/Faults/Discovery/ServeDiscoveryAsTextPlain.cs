namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>The discovery document keeps its JSON body but is labelled text/plain.</summary>
internal sealed class ServeDiscoveryAsTextPlain : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.text-plain",
        "The discovery document is served with Content-Type text/plain",
        "SMART App Launch 2.2 conformance.html#using-well-known",
        ["DISC-01"]);

    public void Apply(FaultContext context) =>
        ResponseRewrite.Add(context.Services, ResponseRewrite.IsDiscovery, response => response.ContentType = "text/plain; charset=utf-8");
}
