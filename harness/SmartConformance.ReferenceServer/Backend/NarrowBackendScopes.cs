using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Backend;

/// <summary>
/// A client_credentials request is narrowed to the client's pre-authorized scopes (SMART Backend Services: the requested
/// scopes further restrict the pre-authorization, and the granted scope may differ from the request); nothing left is
/// invalid_scope. Runs once the client is authenticated and before OpenIddict's permission check, which would refuse the
/// whole request with invalid_request.
/// </summary>
internal sealed class NarrowBackendScopes(IOpenIddictApplicationManager applications, BackendPolicy policy)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<NarrowBackendScopes>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateScopePermissions.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType() || !policy.NarrowToPreAuthorization ||
            context.ClientId is null || await applications.FindByClientIdAsync(context.ClientId) is not { } application)
        {
            return;
        }

        var granted = new List<string>();
        foreach (var scope in context.Request.GetScopes())
        {
            if (await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope))
            {
                granted.Add(scope);
            }
        }
        if (granted.Count == 0)
        {
            context.Reject(Errors.InvalidScope, "None of the requested scopes is pre-authorized for this client.");
            return;
        }
        context.Request.Scope = string.Join(' ', granted);
    }
}
