using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>The CapabilityStatement's oauth-uris extension names a stale token endpoint that discovery does not.</summary>
internal sealed class OAuthUrisDisagreeWithDiscovery : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "metadata.oauth-uris-disagree",
        "The oauth-uris extension names a different token endpoint than discovery",
        "SMART App Launch 2.2 conformance.html (the CapabilityStatement mechanism is deprecated but must not contradict discovery)",
        ["CAPS-02"]);

    public void Apply(FaultContext context) => context.RewriteCapabilityStatement(statement =>
    {
        foreach (var token in statement.Rest.Select(r => r.Security).OfType<CapabilityStatement.SecurityComponent>()
                     .SelectMany(s => s.Extension).SelectMany(e => e.Extension).Where(e => e is { Url: "token", Value: FhirUri }))
        {
            var url = (token.Value as FhirUri)?.Value ?? "";
            token.Value = new FhirUri(url.Replace("/token", "/oauth2/v1/token", StringComparison.Ordinal));
        }
    });
}
