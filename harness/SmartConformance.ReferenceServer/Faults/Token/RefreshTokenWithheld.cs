using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>offline_access is granted, but no refresh token is ever issued, not even to a client registered for it.</summary>
internal sealed class RefreshTokenWithheld : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "offline.refresh-token-withheld",
        "offline_access is granted to a client registered for it, but the token response has no refresh_token",
        "SMART App Launch 2.2 app-launch.html#refresh-access-token; scopes-and-launch-context.html#scopes-for-requesting-a-refresh-token",
        ["TOK-11"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ProcessSignInContext>(handler => handler
        .UseInlineHandler(signIn =>
        {
            signIn.GenerateRefreshToken = false;
            signIn.IncludeRefreshToken = false;
            return default;
        })
        .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 1));
}
