namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>Discovery advertises sso-openid-connect but leaves out issuer.</summary>
internal sealed class OmitIssuer : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.omit-issuer",
        "sso-openid-connect is advertised without issuer",
        "SMART App Launch 2.2 conformance.html#metadata",
        ["DISC-05"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.Issuer = null);
}
