namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>
/// The SMART document's issuer drops the trailing slash the OpenID Provider uses ("http://host:port" instead of
/// "http://host:port/"): the OpenID configuration found from it names a different issuer.
/// </summary>
internal sealed class IssuerWithoutTrailingSlash : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.issuer-mismatch",
        "The discovery issuer differs from the OpenID configuration's issuer",
        "OpenID Connect Discovery 1.0 §4.3",
        ["DISC-10", "OIDC-02"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.Issuer = document.Issuer?.TrimEnd('/'));
}
