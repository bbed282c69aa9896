namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>jwks_uri is written relative to the server ("/.well-known/jwks") instead of as an absolute URL.</summary>
internal sealed class RelativeJwksUri : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.relative-jwks-uri",
        "jwks_uri in the discovery document is a relative URL",
        "SMART App Launch 2.2 conformance.html#using-well-known",
        ["DISC-03"]);

    public void Apply(FaultContext context) =>
        context.RewriteDiscovery(document => document.JwksUri = document.JwksUri is null ? null : new Uri(document.JwksUri).AbsolutePath);
}
