namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>Discovery advertises no PKCE method (an empty array) although the server still accepts S256.</summary>
internal sealed class DropS256FromCodeChallengeMethods : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.drop-s256",
        "S256 is missing from code_challenge_methods_supported",
        "SMART App Launch 2.2 app-launch.html#considerations-for-pkce-support",
        ["DISC-04"]);

    public void Apply(FaultContext context) =>
        context.RewriteDiscovery(document => document.CodeChallengeMethodsSupported?.Remove("S256"));
}
