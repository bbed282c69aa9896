using Microsoft.Net.Http.Headers;
using SmartConformance.ReferenceServer.Brands;
using SmartConformance.ReferenceServer.Faults.Discovery;

namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>The Brand Bundle is served without CORS headers, so a browser app cannot read it.</summary>
internal sealed class NoBrandCors : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.no-cors", "The Brand Bundle has no CORS headers", BrandFault.Spec + "#managing-cross-origin-resource-sharing-cors-for-fhir-resources", ["BRAND-04"]);

    public void Apply(FaultContext context) =>
        ResponseRewrite.Add(context.Services, BrandEndpoints.IsBrandBundle, response => response.Headers.Remove(HeaderNames.AccessControlAllowOrigin));
}
