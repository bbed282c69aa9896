using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Introspection;

/// <summary>Introspection answers active:true for tokens that are unknown, expired or revoked.</summary>
internal sealed class ActiveForInactiveTokens : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "introspection.active-for-inactive",
        "Introspection says active:true for made-up and revoked tokens",
        "RFC 7662 §2.2; SMART App Launch 2.2 token-introspection.html",
        ["INT-02"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyIntrospectionResponseContext>()
            .UseInlineHandler(response =>
            {
                if ((bool?)response.Response[Claims.Active] == false)
                {
                    response.Response[Claims.Active] = true;
                }
                return default;
            })
            // After OpenIddict turned the invalid_token error into active:false.
            .SetOrder(OpenIddictServerHandlers.Introspection.NormalizeErrorResponse.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build());
}
