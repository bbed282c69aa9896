using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.OAuth.Handlers;

/// <summary>
/// Refuses authorize requests naming a scope the server does not know (or a malformed one, which it cannot know)
/// with <c>invalid_scope</c>. It replaces OpenIddict's validation-stage scope checks, whose errors are shown on a local
/// page: RFC 6749 §4.1.2.1 wants every error other than a bad client or redirect URI sent back to the client with the state.
/// </summary>
internal sealed class RefuseUnknownScopes(IOptionsMonitor<OpenIddictServerOptions> options, OAuthPolicy policy)
    : IOpenIddictServerHandler<HandleAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleAuthorizationRequestContext>()
            .UseSingletonHandler<RefuseUnknownScopes>()
            .SetOrder(ValidateSmartAudienceParameter.Descriptor.Order + 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleAuthorizationRequestContext context)
    {
        if (!policy.RefuseUnknownScopes)
        {
            return default;
        }

        var registered = options.CurrentValue.Scopes;
        var unknown = context.Request.GetScopes().Where(scope => !registered.Contains(scope)).ToList();
        if (unknown.Count > 0)
        {
            context.Reject(
                error: Errors.InvalidScope,
                description: $"Unknown or malformed scope: {string.Join(' ', unknown)}.");
        }
        return default;
    }
}
