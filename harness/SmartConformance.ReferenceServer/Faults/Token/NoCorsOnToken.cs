using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SmartConformance.ReferenceServer.Faults.Discovery;
using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>The token endpoint answers without CORS headers, so a browser-based public client cannot read its response.</summary>
internal sealed class NoCorsOnToken : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.no-cors", "The token endpoint has no CORS headers",
        "SMART App Launch 2.2 app-launch.html#considerations-for-cross-origin-resource-sharing-cors-support", ["TOK-09"]);

    public void Apply(FaultContext context) =>
        ResponseRewrite.Add(context.Services, IsToken, response =>
        {
            response.Headers.Remove(HeaderNames.AccessControlAllowOrigin);
            response.Headers.Remove(HeaderNames.AccessControlAllowMethods);
            response.Headers.Remove(HeaderNames.AccessControlAllowHeaders);
        });

    private static bool IsToken(HttpContext context) =>
        context.Request.Path.Equals("/" + OpenIddictRegistration.TokenPath, StringComparison.Ordinal);
}
