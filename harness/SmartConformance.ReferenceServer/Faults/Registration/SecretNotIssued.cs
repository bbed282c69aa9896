namespace SmartConformance.ReferenceServer.Faults.Registration;

/// <summary>A confidential client is registered with a secret, but the registration response leaves it out.</summary>
internal sealed class SecretNotIssued : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "registration.secret-not-issued",
        "Dynamic registration of a confidential client returns no client_secret",
        "RFC 7591 §3.2.1",
        ["REG-02"]);

    public void Apply(FaultContext context) => context.Registration.ReturnClientSecret = false;
}
