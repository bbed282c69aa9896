namespace SmartConformance.ReferenceServer.Faults.Capabilities;

/// <summary>
/// Discovery drops permission-patient, which every capability set needs, so the advertised capabilities complete
/// none of them (a SHOULD: a warning).
/// </summary>
internal sealed class IncompleteCapabilitySet : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "capabilities.incomplete-set", "The advertised capabilities complete no capability set",
        "SMART App Launch 2.2 conformance.html#capability-sets", [], ExpectedWarnings: ["DISC-07"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.Capabilities?.Remove("permission-patient"));
}
