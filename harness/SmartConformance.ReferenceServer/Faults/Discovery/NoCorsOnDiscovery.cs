using Microsoft.Net.Http.Headers;

namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>The discovery document is served without CORS headers, so a browser app cannot read it.</summary>
internal sealed class NoCorsOnDiscovery : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.no-cors",
        "The discovery document has no CORS headers",
        "SMART App Launch 2.2 app-launch.html#considerations-for-cross-origin-resource-sharing-cors-support",
        ["DISC-09"]);

    public void Apply(FaultContext context) =>
        ResponseRewrite.Add(context.Services, ResponseRewrite.IsDiscovery, response =>
        {
            response.Headers.Remove(HeaderNames.AccessControlAllowOrigin);
            response.Headers.Remove(HeaderNames.AccessControlAllowCredentials);
        });
}
