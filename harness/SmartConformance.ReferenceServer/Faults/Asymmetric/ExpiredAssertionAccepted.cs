namespace SmartConformance.ReferenceServer.Faults.Asymmetric;

/// <summary>private_key_jwt: the assertion's exp is not checked, so expired assertions still authenticate the client.</summary>
internal sealed class ExpiredAssertionAccepted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "asymmetric.expired-assertion-accepted",
        "Client assertions past their exp are accepted",
        "SMART App Launch 2.2 client-confidential-asymmetric.html#signature-verification; RFC 7523 §3",
        ["BSV-02"]);

    public void Apply(FaultContext context) => context.Backend.RejectExpiredAssertions = false;
}
