namespace SmartConformance.ReferenceServer.Faults.Registration;

/// <summary>The registration endpoint answers 201 with a client_id and secret, but stores nothing: the client cannot be used.</summary>
internal sealed class ClientNotStored : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "registration.client-not-stored",
        "A dynamically registered client_id is unknown to the authorization and token endpoints",
        "RFC 7591 §3.2.1",
        ["REG-01", "REG-02"]);

    public void Apply(FaultContext context) => context.Registration.PersistClients = false;
}
