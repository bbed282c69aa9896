namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>A granular scope (patient/Observation.rs?category=...) is treated as the whole resource type.</summary>
internal sealed class GranularCategoryIgnored : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.granular-category-ignored",
        "Granular ?category= scopes are not enforced",
        "SMART App Launch 2.2 scopes-and-launch-context.html#finer-grained-resource-constraints-using-search-parameters",
        ["RS-07"]);

    public void Apply(FaultContext context) => context.Fhir.EnforceGranularScopes = false;
}
