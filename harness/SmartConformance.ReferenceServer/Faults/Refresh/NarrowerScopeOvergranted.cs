using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Refresh;

/// <summary>A refresh asking for part of the original grant ignores the scope parameter and gets the whole original grant.</summary>
internal sealed class NarrowerScopeOvergranted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "refresh.narrower-scope-overgranted",
        "A refresh asking for a narrower scope is granted the original, wider scope",
        "RFC 6749 §6; SMART App Launch 2.2 app-launch.html#refresh-access-token",
        ["REF-02"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ProcessSignInContext>(handler => handler
        .UseInlineHandler(signIn =>
        {
            // OpenIddict has just cut the access token down to the requested scopes; put the refresh token's grant back.
            if (signIn.Request?.IsRefreshTokenGrantType() == true && !string.IsNullOrEmpty(signIn.Request.Scope) &&
                signIn.AccessTokenPrincipal is { } accessToken && signIn.Principal is { } grant)
            {
                accessToken.SetScopes(grant.GetScopes());
            }
            return default;
        })
        .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1));
}
