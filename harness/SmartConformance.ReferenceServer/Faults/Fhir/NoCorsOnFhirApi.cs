using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SmartConformance.ReferenceServer.Faults.Discovery;

namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>
/// FHIR reads and searches (not /metadata or discovery, which DISC-09 covers) answer without CORS headers, so a
/// browser-based app cannot read its data.
/// </summary>
internal sealed class NoCorsOnFhirApi : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.no-cors", "The FHIR API's data responses have no CORS headers",
        "SMART App Launch 2.2 app-launch.html#considerations-for-cross-origin-resource-sharing-cors-support", ["TOK-09"]);

    public void Apply(FaultContext context) =>
        ResponseRewrite.Add(context.Services, IsFhirData, response => response.Headers.Remove(HeaderNames.AccessControlAllowOrigin));

    private static bool IsFhirData(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/fhir", StringComparison.Ordinal)
        && !context.Request.Path.Equals("/fhir/metadata", StringComparison.Ordinal)
        && !ResponseRewrite.IsDiscovery(context);
}
