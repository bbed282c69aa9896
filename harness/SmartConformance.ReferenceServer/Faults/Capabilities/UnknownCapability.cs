namespace SmartConformance.ReferenceServer.Faults.Capabilities;

/// <summary>Discovery lists a capability SMART App Launch 2.2 does not define (a warning: apps cannot act on it).</summary>
internal sealed class UnknownCapability : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "capabilities.unknown", "Discovery lists a capability SMART does not define",
        "SMART App Launch 2.2 conformance.html#capabilities", [], ExpectedWarnings: ["DISC-07"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.Capabilities?.Add("launch-anywhere"));
}
