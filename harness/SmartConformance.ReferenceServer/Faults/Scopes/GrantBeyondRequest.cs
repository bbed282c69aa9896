using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Scopes;

/// <summary>Every grant quietly gains <c>user/*.rs</c> (read and search of everything the user may see), asked for or not.</summary>
internal sealed class GrantBeyondRequest : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "scopes.grant-beyond-request",
        "Authorization grants a scope the app did not ask for (user/*.rs)",
        "RFC 6749 §3.3; SMART App Launch 2.2 app-launch.html#response-5",
        ["SCOPE-08", "RS-04", "RS-08"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ProcessSignInContext>(handler => handler
        .UseInlineHandler(sign =>
        {
            if (sign.EndpointType is OpenIddictServerEndpointType.Authorization && sign.Principal is { } principal)
            {
                principal.SetScopes(principal.GetScopes().Add("user/*.rs"));
            }
            return default;
        })
        .SetOrder(int.MinValue + 1_000));
}
