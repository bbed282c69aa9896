using OpenIddict.Server;
using SmartConformance.ReferenceServer.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.OAuth.Handlers;

/// <summary>
/// Rejects authorize requests whose <c>aud</c> is not one of this server's protected FHIR base URLs (a trailing slash is tolerated).
/// It runs in the handle stage, after OpenIddict validated the client and redirect URI: OpenIddict shows validation-stage
/// errors locally, but redirects handle-stage errors back to the client with the state.
/// </summary>
internal sealed class ValidateSmartAudienceParameter(ServerUrls urls) : IOpenIddictServerHandler<HandleAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleAuthorizationRequestContext>()
            .UseSingletonHandler<ValidateSmartAudienceParameter>()
            // Before the ASP.NET Core passthrough hands the request to AuthorizeEndpoint (order int.MaxValue - 100_000).
            .SetOrder(OpenIddictServerHandlers.Authentication.AttachPrincipal.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleAuthorizationRequestContext context)
    {
        var audience = (string?)context.Request[SmartClaims.AudienceParameter];
        if (urls.ProtectedBaseNamedBy(audience) is null)
        {
            context.Reject(
                error: Errors.InvalidRequest,
                description: $"The 'aud' parameter must be this server's FHIR base URL ({urls.FhirBase}).");
        }
        return default;
    }
}
