namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>Discovery claims client-confidential-asymmetric but leaves out private_key_jwt and the RS384/ES384 signing algorithms.</summary>
internal sealed class IncompleteAsymmetricAdvertisement : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.asymmetric-incomplete",
        "client-confidential-asymmetric is advertised without private_key_jwt and RS384/ES384",
        "SMART App Launch 2.2 client-confidential-asymmetric.html#advertising-server-support-for-this-profile",
        ["DISC-06"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document =>
    {
        document.TokenEndpointAuthMethodsSupported?.Remove("private_key_jwt");
        document.TokenEndpointAuthSigningAlgValuesSupported = null;
    });
}
