namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>Discovery leaves out the RECOMMENDED user_access_brand_bundle and user_access_brand_identifier (a warning).</summary>
internal sealed class BrandsNotAdvertised : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.not-advertised", "Discovery names no Brand Bundle", "SMART App Launch 2.2 conformance.html#metadata", [],
        ExpectedWarnings: ["DISC-11"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document =>
    {
        document.UserAccessBrandBundle = null;
        document.UserAccessBrandIdentifier = null;
    });
}
