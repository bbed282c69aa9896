namespace SmartConformance.ReferenceServer.Faults.Asymmetric;

/// <summary>private_key_jwt: the assertion's aud is not checked, so an assertion made for another server is accepted here.</summary>
internal sealed class AudienceNotChecked : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "asymmetric.aud-not-checked",
        "Client assertions for another audience are accepted",
        "SMART App Launch 2.2 client-confidential-asymmetric.html#signature-verification; RFC 7523 §3",
        ["BSV-02"]);

    public void Apply(FaultContext context) => context.Backend.CheckAssertionAudience = false;
}
