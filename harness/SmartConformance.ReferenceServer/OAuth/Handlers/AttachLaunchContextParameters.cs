using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.OAuth.Handlers;

/// <summary>
/// Adds SMART launch context to token responses: <c>patient</c> when <c>launch/patient</c> was granted.
/// The patient claim travels inside the authorization code and refresh token, so refreshes keep it.
/// </summary>
internal sealed class AttachLaunchContextParameters : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<AttachLaunchContextParameters>()
            // Parameters must be set before OpenIddict copies them into the response.
            .SetOrder(OpenIddictServerHandlers.AttachCustomSignInParameters.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType is OpenIddictServerEndpointType.Token &&
            context.Principal is { } principal &&
            principal.HasScope(SmartClaims.LaunchPatientScope) &&
            principal.GetClaim(SmartClaims.Patient) is { Length: > 0 } patient)
        {
            context.Parameters[SmartClaims.Patient] = patient;
        }
        return default;
    }
}
