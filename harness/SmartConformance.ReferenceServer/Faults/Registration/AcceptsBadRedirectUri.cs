namespace SmartConformance.ReferenceServer.Faults.Registration;

/// <summary>Dynamic registration takes any redirect URI: relative ones, ones with a fragment, plain http to any host.</summary>
internal sealed class AcceptsBadRedirectUri : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "registration.accepts-bad-redirect-uri",
        "Dynamic client registration accepts redirect URIs that are relative or carry a fragment",
        "RFC 7591 §2, §3.2.2; RFC 6749 §3.1.2",
        ["REG-03"]);

    public void Apply(FaultContext context) => context.Registration.ValidateRedirectUris = false;
}
