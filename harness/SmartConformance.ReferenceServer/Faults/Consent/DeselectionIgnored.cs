namespace SmartConformance.ReferenceServer.Faults.Consent;

/// <summary>The consent page lets the user untick scopes, but the grant is the whole request anyway.</summary>
internal sealed class DeselectionIgnored : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "consent.deselection-ignored",
        "Scopes the user unticked on the consent page are granted anyway",
        "SMART App Launch 2.2 scopes-and-launch-context.html#smarts-scopes-are-used-to-delegate-access",
        ["SCOPE-04"]);

    public void Apply(FaultContext context) => context.OAuth.HonourScopeDeselection = false;
}
