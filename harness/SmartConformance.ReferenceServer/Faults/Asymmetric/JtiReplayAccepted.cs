namespace SmartConformance.ReferenceServer.Faults.Asymmetric;

/// <summary>private_key_jwt: a client assertion's jti is not remembered, so a captured assertion can be replayed while it is valid.</summary>
internal sealed class JtiReplayAccepted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "asymmetric.jti-replay-accepted",
        "A client assertion can be replayed (its jti is not remembered)",
        "SMART App Launch 2.2 client-confidential-asymmetric.html#signature-verification; RFC 7523 §3",
        ["BSV-02"]);

    public void Apply(FaultContext context) => context.Backend.RejectReplayedJti = false;
}
