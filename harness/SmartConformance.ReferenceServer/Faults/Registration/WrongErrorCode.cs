namespace SmartConformance.ReferenceServer.Faults.Registration;

/// <summary>Every refused registration says invalid_client_metadata, even when the redirect URI is what is wrong.</summary>
internal sealed class WrongErrorCode : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "registration.wrong-error-code",
        "A registration with a bad redirect URI is refused with invalid_client_metadata instead of invalid_redirect_uri",
        "RFC 7591 §3.2.2",
        ["REG-03"]);

    public void Apply(FaultContext context) => context.Registration.DistinctRedirectUriError = false;
}
