using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Registers an edit of every token endpoint response, made just before it is written (after OpenIddict filled in errors).</summary>
internal static class TokenResponseRewrite
{
    public static void Add(FaultContext context, Action<ApplyTokenResponseContext> rewrite) =>
        context.Server.AddEventHandler<ApplyTokenResponseContext>(handler => handler
            .UseInlineHandler(apply =>
            {
                rewrite(apply);
                return default;
            })
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessJsonResponse<ApplyTokenResponseContext>.Descriptor.Order - 1));
}
