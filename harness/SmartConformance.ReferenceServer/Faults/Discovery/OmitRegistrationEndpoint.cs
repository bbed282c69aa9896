namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>Discovery leaves out the RECOMMENDED registration_endpoint (a SHOULD: a warning).</summary>
internal sealed class OmitRegistrationEndpoint : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.omit-registration-endpoint",
        "registration_endpoint is missing",
        "SMART App Launch 2.2 conformance.html#metadata",
        [],
        ExpectedWarnings: ["DISC-11"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.RegistrationEndpoint = null);
}
