using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.OAuth.Handlers;

/// <summary>
/// Narrows the request instead of failing it when a client not registered for offline access (no refresh_token grant)
/// asks for <c>offline_access</c>: the scope is dropped, so it is neither granted nor answered with a refresh token
/// (SMART App Launch 2.2: "A server can decide which client types ... are eligible for offline access").
/// It runs before OpenIddict's grant type permission check, which would otherwise refuse the whole request.
/// </summary>
internal sealed class DropUnregisteredOfflineAccess(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<DropUnregisteredOfflineAccess>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateGrantTypePermissions.Descriptor.Order - 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (!context.Request.HasScope(Scopes.OfflineAccess) || context.ClientId is not { Length: > 0 } clientId)
        {
            return;
        }

        var application = await applications.FindByClientIdAsync(clientId);
        if (application is not null && !await applications.HasPermissionAsync(application, Permissions.GrantTypes.RefreshToken))
        {
            context.Request.Scope = string.Join(' ', context.Request.GetScopes().Remove(Scopes.OfflineAccess));
        }
    }
}
