namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>Discovery's user_access_brand_identifier matches no Organization.identifier in the Brand Bundle.</summary>
internal sealed class IdentifierMismatch : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.identifier-mismatch", "user_access_brand_identifier matches no brand in the Brand Bundle",
        BrandFault.Spec + "#metadata-in-well-knownsmart-configuration", ["BRAND-03"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document =>
    {
        if (document.UserAccessBrandIdentifier is { } identifier) identifier.Value = "https://unlisted-brand.smart-conformance.example";
    });
}
