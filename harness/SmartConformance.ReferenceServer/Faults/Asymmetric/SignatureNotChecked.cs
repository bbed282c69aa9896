namespace SmartConformance.ReferenceServer.Faults.Asymmetric;

/// <summary>private_key_jwt: the assertion's signature is not verified, so anyone who knows a client_id can sign in as it.</summary>
internal sealed class SignatureNotChecked : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "asymmetric.signature-not-checked",
        "Client assertions are accepted without verifying their signature",
        "SMART App Launch 2.2 client-confidential-asymmetric.html#signature-verification; RFC 7523 §3",
        ["BSV-02"]);

    public void Apply(FaultContext context) => context.Backend.VerifyAssertionSignature = false;
}
