namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>Discovery lists "plain" beside "S256" in code_challenge_methods_supported.</summary>
internal sealed class AdvertisePlainPkce : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.advertise-plain-pkce",
        "code_challenge_methods_supported lists plain",
        "SMART App Launch 2.2 app-launch.html#considerations-for-pkce-support",
        ["DISC-04"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document => document.CodeChallengeMethodsSupported?.Add("plain"));
}
