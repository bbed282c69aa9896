using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>The Brand Bundle's entries carry no meta.lastUpdated (a SHOULD: a warning).</summary>
internal sealed class NoLastUpdated : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.no-last-updated", "The Brand Bundle's entries have no meta.lastUpdated", BrandFault.Spec + "#brand-bundle-profile", [],
        ExpectedWarnings: ["BRAND-07"]);

    public void Apply(FaultContext context) => context.RewriteBundle(bundle =>
    {
        foreach (var resource in bundle.Entry.Select(e => e.Resource).OfType<Resource>())
            if (resource.Meta is not null) resource.Meta.LastUpdated = null;
    });
}
