using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Introspection;

/// <summary>A client may introspect only the tokens issued to itself: another client's active token is reported inactive.</summary>
internal sealed class OwnTokensOnly : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "introspection.own-tokens-only",
        "An introspection caller cannot introspect tokens issued to other clients",
        "SMART App Launch 2.2 token-introspection.html#authorization-to-perform-token-introspection",
        ["INT-04"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyIntrospectionResponseContext>()
            .UseInlineHandler(apply =>
            {
                if ((bool?)apply.Response[Parameters.Active] != true || (string?)apply.Response[Claims.ClientId] == apply.Request?.ClientId) return default;
                foreach (var name in apply.Response.GetParameters().Keys.ToList()) apply.Response.RemoveParameter(name);
                apply.Response[Parameters.Active] = false;
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Introspection.NormalizeErrorResponse.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build());
}
