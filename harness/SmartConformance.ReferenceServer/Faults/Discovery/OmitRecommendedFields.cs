namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>
/// Discovery leaves out the RECOMMENDED scopes_supported and response_types_supported (a SHOULD: a warning). The server
/// also advertises client-confidential-asymmetric, which makes scopes_supported required, so DISC-06 fails.
/// </summary>
internal sealed class OmitRecommendedFields : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "discovery.omit-recommended",
        "scopes_supported and response_types_supported are missing",
        "SMART App Launch 2.2 conformance.html#metadata",
        ["DISC-06"],
        ExpectedWarnings: ["DISC-08"]);

    public void Apply(FaultContext context) => context.RewriteDiscovery(document =>
    {
        document.ScopesSupported = null;
        document.ResponseTypesSupported = null;
    });
}
