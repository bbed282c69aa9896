using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Token responses are sent without Cache-Control: no-store and Pragma: no-cache.</summary>
internal sealed class OmitNoStore : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.omit-no-store",
        "Token responses are cacheable (no Cache-Control: no-store, no Pragma: no-cache)",
        "SMART App Launch 2.2 app-launch.html#response-5; RFC 6749 §5.1",
        ["TOK-02"]);

    public void Apply(FaultContext context) =>
        context.Server.RemoveEventHandler(OpenIddictServerAspNetCoreHandlers.AttachCacheControlHeader<ApplyTokenResponseContext>.Descriptor);
}
