using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>invalid_scope errors are redirected to the app without the state it sent.</summary>
internal sealed class ScopeErrorWithoutState : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.scope-error-without-state",
        "The invalid_scope error redirect drops the state",
        "RFC 6749 §4.1.2.1",
        ["AUTHZ-09", "SCOPE-07", "ERR-03"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ApplyAuthorizationResponseContext>(handler => handler
        .UseInlineHandler(apply =>
        {
            if (apply.Response.Error == Errors.InvalidScope) apply.Response.State = null;
            return default;
        })
        .SetOrder(OpenIddictServerHandlers.Authentication.AttachResponseState.Descriptor.Order + 1));
}
