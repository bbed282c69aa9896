using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>The jwks_uri answers an empty key set, so no id_token signature can be verified.</summary>
internal sealed class EmptyJsonWebKeySet : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.empty-jwks",
        "The JWKS at jwks_uri has no keys",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-identity-data; OpenID Connect Discovery 1.0 §3",
        ["DISC-10", "OIDC-01"]);

    public void Apply(FaultContext context) =>
        context.Server.AddEventHandler<HandleJsonWebKeySetRequestContext>(handler => handler
            .UseInlineHandler(request =>
            {
                request.Keys.Clear();
                return default;
            })
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom));
}
