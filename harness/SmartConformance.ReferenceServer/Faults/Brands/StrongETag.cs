using SmartConformance.ReferenceServer.Brands;
using SmartConformance.ReferenceServer.Faults.Discovery;

namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>The Brand Bundle carries a strong ETag instead of the weak one brands.html recommends (a warning).</summary>
internal sealed class StrongETag : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.strong-etag", "The Brand Bundle's ETag is strong, not weak", BrandFault.Spec + "#caching-brand-bundles", [],
        ExpectedWarnings: ["BRAND-05"]);

    public void Apply(FaultContext context) =>
        ResponseRewrite.Add(context.Services, BrandEndpoints.IsBrandBundle, response =>
        {
            var etag = response.Headers.ETag.ToString();
            if (etag.StartsWith("W/", StringComparison.Ordinal)) response.Headers.ETag = etag[2..];
        });
}
