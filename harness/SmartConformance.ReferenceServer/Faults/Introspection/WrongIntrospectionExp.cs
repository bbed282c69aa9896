using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Introspection;

/// <summary>Introspection reports an exp two hours later than the token's real expiry.</summary>
internal sealed class WrongIntrospectionExp : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "introspection.wrong-exp",
        "Introspection's exp disagrees with the token response's expires_in",
        "SMART App Launch 2.2 token-introspection.html#required-fields-in-the-introspection-response",
        ["EXP-03"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyIntrospectionResponseContext>()
            .UseInlineHandler(response =>
            {
                if ((long?)response.Response[Claims.ExpiresAt] is { } exp) response.Response[Claims.ExpiresAt] = exp + 7200;
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Introspection.NormalizeErrorResponse.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build());
}
