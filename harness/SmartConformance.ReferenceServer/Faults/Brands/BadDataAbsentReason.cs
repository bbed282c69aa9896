using Hl7.Fhir.Model;
using SmartConformance.ReferenceServer.Brands;

namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>The Brand Bundle marks a missing value with data-absent-reason "unknown", which brands.html does not allow.</summary>
internal sealed class BadDataAbsentReason : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.bad-data-absent-reason", "The Brand Bundle uses a data-absent reason other than asked-declined or asked-unknown",
        BrandFault.Spec + "#must-support-definition-ms-and-data-absent-reasons", ["BRAND-06"]);

    public void Apply(FaultContext context) => context.RewriteBundle(bundle =>
    {
        foreach (var extension in bundle.Entries<Organization>().SelectMany(o => o.Address).SelectMany(a => a.Extension)
                     .Where(e => e.Url == BrandBundleFactory.DataAbsentReasonUrl))
            extension.Value = new Code("unknown");
    });
}
