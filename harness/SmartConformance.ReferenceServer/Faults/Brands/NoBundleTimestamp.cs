namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>The Brand Bundle has no Bundle.timestamp, so apps cannot tell when it last changed.</summary>
internal sealed class NoBundleTimestamp : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.no-timestamp", "The Brand Bundle has no Bundle.timestamp", BrandFault.Spec + "#brand-bundle-profile", ["BRAND-01"]);

    public void Apply(FaultContext context) => context.RewriteBundle(bundle => bundle.Timestamp = null);
}
