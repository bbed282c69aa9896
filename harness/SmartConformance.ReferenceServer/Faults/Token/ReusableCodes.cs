using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Authorization codes are never marked redeemed, so one code buys tokens again and again (refresh tokens still rotate).</summary>
internal sealed class ReusableCodes : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "code.reusable",
        "An authorization code can be redeemed more than once",
        "RFC 6749 §4.1.2 and §10.5",
        ["TOK-03"]);

    public void Apply(FaultContext context)
    {
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.RedeemTokenEntry.Descriptor);
        context.Server.AddEventHandler<ProcessSignInContext>(handler => handler
            .UseInlineHandler(async sign =>
            {
                if (!sign.Request.IsRefreshTokenGrantType() || sign.Principal?.GetTokenId() is not { } id) return;
                var tokens = sign.Transaction.GetHttpRequest()!.HttpContext.RequestServices.GetRequiredService<IOpenIddictTokenManager>();
                if (await tokens.FindByIdAsync(id) is { } token) await tokens.TryRedeemAsync(token);
            })
            .SetOrder(OpenIddictServerHandlers.RedeemTokenEntry.Descriptor.Order));
    }
}
