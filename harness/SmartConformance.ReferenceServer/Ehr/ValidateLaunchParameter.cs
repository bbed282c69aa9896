using OpenIddict.Abstractions;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.OAuth.Handlers;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>
/// Refuses an authorize request asking for the <c>launch</c> scope without a <c>launch</c> value this EHR issued to
/// this client. Like the audience check it runs in the handle stage, so the error is redirected to the client with its state.
/// </summary>
internal sealed class ValidateLaunchParameter(EhrLaunchStore launches, EhrLaunchPolicy policy)
    : IOpenIddictServerHandler<HandleAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleAuthorizationRequestContext>()
            .UseSingletonHandler<ValidateLaunchParameter>()
            .SetOrder(ValidateSmartAudienceParameter.Descriptor.Order + 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleAuthorizationRequestContext context)
    {
        if (!context.Request.HasScope(EhrLaunchParameters.Launch) || policy.AcceptUnknownLaunch)
        {
            return default;
        }

        var launch = (string?)context.Request[EhrLaunchParameters.Launch];
        if (string.IsNullOrEmpty(launch))
        {
            context.Reject(Errors.InvalidRequest,
                "The 'launch' scope needs the 'launch' parameter the EHR sent to the app's launch URL.");
        }
        else if (launches.Find(launch, context.Request.ClientId) is null)
        {
            context.Reject(Errors.InvalidRequest,
                "The 'launch' parameter is unknown, expired, already used, or was issued to another client.");
        }
        return default;
    }
}
