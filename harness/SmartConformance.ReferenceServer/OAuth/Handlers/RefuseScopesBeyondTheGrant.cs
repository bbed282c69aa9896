using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.OAuth.Handlers;

/// <summary>
/// Refuses a token request (a refresh) asking for scopes the original grant did not include with <c>invalid_scope</c>,
/// as RFC 6749 §5.2 names it. It replaces OpenIddict's check, which answers the same case with invalid_grant.
/// </summary>
internal sealed class RefuseScopesBeyondTheGrant : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<RefuseScopesBeyondTheGrant>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateGrantedScopes.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var principal = context.Request.IsRefreshTokenGrantType() ? context.RefreshTokenPrincipal
            : context.Request.IsAuthorizationCodeGrantType() ? context.AuthorizationCodePrincipal
            : null;
        if (string.IsNullOrEmpty(context.Request.Scope) || principal is null)
        {
            return default;
        }

        var extra = context.Request.GetScopes().Except(principal.GetScopes()).ToList();
        if (extra.Count > 0)
        {
            context.Reject(
                error: Errors.InvalidScope,
                description: $"Scope beyond the original grant: {string.Join(' ', extra)}.");
        }
        return default;
    }
}
