using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Introspection;

/// <summary>
/// Lets an introspection request without client authentication through when its bearer token is an active access token of
/// this server (signature, lifetime and token entry checked by OpenIddict's own token validation) carrying
/// <see cref="IntrospectionBearer.Scope"/>. Any other bearer is refused with invalid_client (401), like a wrong client secret.
/// </summary>
internal sealed class AuthenticateIntrospectionBearer(IOpenIddictServerDispatcher dispatcher) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<AuthenticateIntrospectionBearer>()
            // Before client identification, which refuses a request without client_id (see ValidateClientIdUnlessBearer).
            .SetOrder(OpenIddictServerHandlers.ValidateClientId.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.EndpointType != OpenIddictServerEndpointType.Introspection || !string.IsNullOrEmpty(context.Request.ClientId) ||
            IntrospectionBearer.Token(context.Transaction) is not { } token)
        {
            return;
        }

        var validation = new ValidateTokenContext(context.Transaction) { Token = token, ValidTokenTypes = { TokenTypeIdentifiers.AccessToken } };
        await dispatcher.DispatchAsync(validation);
        if (validation.IsRejected || validation.Principal is not { } principal)
        {
            context.Reject(Errors.InvalidClient, $"The bearer token is not an active access token of this server ({validation.ErrorDescription ?? validation.Error}).");
            return;
        }
        if (!principal.HasScope(IntrospectionBearer.Scope))
        {
            context.Reject(Errors.InvalidClient, $"The bearer token does not carry the {IntrospectionBearer.Scope} scope, which introspection requires.");
            return;
        }
        IntrospectionBearer.MarkAuthorized(context.Transaction);
    }
}
