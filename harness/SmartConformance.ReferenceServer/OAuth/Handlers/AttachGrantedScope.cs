using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.OAuth.Handlers;

/// <summary>
/// Always answers token requests with the granted <c>scope</c>. OpenIddict leaves it out when it equals the requested
/// scope (RFC 6749 §5.1 allows that), but SMART App Launch 2.2 makes <c>scope</c> required in every token response,
/// refreshes included.
/// </summary>
internal sealed class AttachGrantedScope : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<AttachGrantedScope>()
            .SetOrder(OpenIddictServerHandlers.AttachSignInParameters.Descriptor.Order + 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType is OpenIddictServerEndpointType.Token &&
            context.AccessTokenPrincipal is { } principal &&
            string.IsNullOrEmpty(context.Response.Scope))
        {
            context.Response.Scope = string.Join(' ', principal.GetScopes());
        }
        return default;
    }
}
