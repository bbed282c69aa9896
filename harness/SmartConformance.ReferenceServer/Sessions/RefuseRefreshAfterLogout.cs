using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Sessions;

/// <summary>
/// Refuses a refresh with <c>invalid_grant</c> when the grant is online only (online_access without offline_access) and
/// the sign-in session it was made in has ended: online access lasts while the user stays online.
/// </summary>
internal sealed class RefuseRefreshAfterLogout(LoginSessions sessions, SessionPolicy policy) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<RefuseRefreshAfterLogout>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateGrantedScopes.Descriptor.Order + 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (policy.EndOnlineAccessWithSession && context.Request.IsRefreshTokenGrantType() &&
            context.RefreshTokenPrincipal is { } principal &&
            principal.HasScope(IssueOnlineRefreshToken.Scope) && !principal.HasScope(Scopes.OfflineAccess) &&
            sessions.HasEnded(principal.GetClaim(LoginSessions.ClaimType)))
        {
            context.Reject(Errors.InvalidGrant, "The user's session has ended, and with it this online access.");
        }
        return default;
    }
}
