using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>The access_denied redirect sent when the user refuses consent drops the state.</summary>
internal sealed class DenyWithoutState : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.deny-without-state",
        "The access_denied error redirect drops the state",
        "RFC 6749 §4.1.2.1",
        ["AUTHZ-03", "ERR-03"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ApplyAuthorizationResponseContext>(handler => handler
        .UseInlineHandler(apply =>
        {
            if (apply.Response.Error == Errors.AccessDenied) apply.Response.State = null;
            return default;
        })
        .SetOrder(OpenIddictServerHandlers.Authentication.AttachResponseState.Descriptor.Order + 1));
}
