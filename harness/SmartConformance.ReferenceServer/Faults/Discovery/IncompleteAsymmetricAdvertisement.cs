namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>
/// Discovery claims client-confidential-asymmetric without private_key_jwt or a signing algorithm. (The conformant
/// reference server does not advertise the capability: OpenIddict 7 accepts only RFC 7523bis-style assertions, with
/// typ client-authentication+jwt and aud = issuer, not SMART's typ JWT and aud = token endpoint.)
/// </summary>
internal sealed class IncompleteAsymmetricAdvertisement : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.asymmetric-incomplete",
        "client-confidential-asymmetric is advertised without private_key_jwt and RS384/ES384",
        "SMART App Launch 2.2 client-confidential-asymmetric.html#advertising-server-support-for-this-profile",
        ["DISC-06"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.Capabilities?.Add("client-confidential-asymmetric"));
}
