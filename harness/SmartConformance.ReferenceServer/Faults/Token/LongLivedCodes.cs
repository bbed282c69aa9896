namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>The short-code client's codes live the server default of five minutes, far longer than the profile declares.</summary>
internal sealed class LongLivedCodes : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "code.long-lived",
        "Authorization codes still redeem long after the lifetime the profile declares (five minutes instead of seconds)",
        "RFC 6749 §4.1.2",
        [],
        ExpectedWarnings: ["TOK-05"]);

    public void Apply(FaultContext context) => context.OAuth.ShortCodeClientCodeLifetime = null;
}
