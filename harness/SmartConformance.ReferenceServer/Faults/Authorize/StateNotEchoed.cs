using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>The successful authorization response (the one with a code) reaches the app without the state it sent.</summary>
internal sealed class StateNotEchoed : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.state-not-echoed",
        "The authorization response with the code drops the state",
        "SMART App Launch 2.2 app-launch.html#response-4; RFC 6749 §4.1.2",
        ["AUTHZ-01", "AUTHZ-02", "AUTHZ-08"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ApplyAuthorizationResponseContext>(handler => handler
        .UseInlineHandler(apply =>
        {
            if (apply.Response.Error is null && !string.IsNullOrEmpty(apply.Response.Code)) apply.Response.State = null;
            return default;
        })
        .SetOrder(OpenIddictServerHandlers.Authentication.AttachResponseState.Descriptor.Order + 1));
}
