using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>The authorization server accepts code_challenge_method=plain (discovery still advertises S256 only).</summary>
internal sealed class PlainPkceAccepted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "pkce.plain-accepted",
        "PKCE plain is accepted at the authorization endpoint",
        "SMART App Launch 2.2 app-launch.html#considerations-for-pkce-support; RFC 7636 §4.4.1",
        ["PKCE-04"]);

    public void Apply(FaultContext context) => context.Server.Configure(options => options.CodeChallengeMethods.Add(CodeChallengeMethods.Plain));
}
