namespace SmartConformance.ReferenceServer.Faults.Consent;

/// <summary>The consent page lets the user narrow a scope to one category, but the grant keeps the resource-level scope.</summary>
internal sealed class NarrowingIgnored : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "consent.narrowing-ignored",
        "A scope the user narrowed to one category on the consent page is granted in full",
        "SMART App Launch 2.2 scopes-and-launch-context.html#finer-grained-resource-constraints-using-search-parameters",
        ["SCOPE-03"]);

    public void Apply(FaultContext context) => context.OAuth.HonourScopeNarrowing = false;
}
