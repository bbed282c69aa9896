namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>Discovery's user_access_brand_identifier has a value but no system.</summary>
internal sealed class IdentifierWithoutSystem : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.identifier-no-system", "user_access_brand_identifier has no system",
        BrandFault.Spec + "#metadata-in-well-knownsmart-configuration", ["DISC-11"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document =>
    {
        if (document.UserAccessBrandIdentifier is { } identifier) identifier.System = null;
    });
}
