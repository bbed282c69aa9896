using System.Text.Json;
using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Discovery;

/// <summary>What the discovery document's fields must look like beyond being present: URLs, conditional and recommended fields.</summary>
[CheckGroup("Discovery")]
public sealed class DiscoveryFieldChecks : ConformanceFixture
{
    // RECOMMENDED by SMART 2.2 conformance.html#metadata and judged here (a missing one is a warning).
    private static readonly string[] Recommended = ["scopes_supported", "response_types_supported"];

    [Test]
    [Check("DISC-03", "Every endpoint URL in the discovery document is absolute and uses https (plain http only on loopback, noted)",
        "SMART App Launch 2.2 Conformance: Using .well-known", Spec.WellKnown)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@378"), Requirement("RFC6749@3.1"), Requirement("RFC6749@3.2")]
    public async Task EndpointUrls_AreAbsoluteAndSecure()
    {
        var (fetch, config) = await RequireDocumentAsync();
        var problems = new List<string>();
        var loopback = new List<string>();
        foreach (var (field, value) in EndpointUrls(config.Root))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                problems.Add($"{field} is \"{value}\", not an absolute http(s) URL");
            else if (uri.Scheme == "http" && uri.IsLoopback)
                loopback.Add(field);
            else if (uri.Scheme == "http")
                problems.Add($"{field} is \"{value}\", plain http on a non-loopback host");
        }
        if (loopback.Count > 0)
            Session.Notice($"DISC-03: {string.Join(", ", loopback)} use plain http on a loopback address; acceptable for a local test server only, a deployed server must use https.");
        if (problems.Count > 0)
            Fail($"Endpoint URLs in the discovery document are not usable as published: {string.Join("; ", problems)}.", fetch.Exchange,
                "all endpoint URLs in the response document SHALL be absolute URLs, and OAuth endpoints require TLS (https)");
    }

    [Test]
    [Check("DISC-05", "With sso-openid-connect, the discovery document names issuer and jwks_uri",
        "SMART App Launch 2.2 Conformance: Metadata", Spec.Metadata)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@381"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@382")]
    public async Task OpenIdConnect_NamesIssuerAndJwksUri()
    {
        var (fetch, config) = await RequireDocumentAsync();
        if (!config.Capabilities.Contains("sso-openid-connect")) { Skip("The server does not advertise sso-openid-connect, so issuer and jwks_uri are not required."); return; }
        var missing = new[] { "issuer", "jwks_uri" }.Where(f => string.IsNullOrWhiteSpace(config.String(f))).ToList();
        if (missing.Count > 0)
            Fail($"sso-openid-connect is advertised but {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} missing or not a string.", fetch.Exchange,
                "issuer (the OpenID Connect Issuer URL) and jwks_uri (the JSON Web Key Set URL) are REQUIRED when capabilities include sso-openid-connect");
    }

    [Test]
    [Check("DISC-06", "With client-confidential-asymmetric, discovery advertises private_key_jwt and RS384 or ES384",
        "SMART App Launch 2.2 Client Authentication: Asymmetric — advertising server support", Spec.AsymmetricDiscovery)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@285"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@286"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@287"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@288"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@289"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@228")]
    public async Task AsymmetricClients_AreAdvertisedCompletely()
    {
        var (fetch, config) = await RequireDocumentAsync();
        if (!config.Capabilities.Contains("client-confidential-asymmetric")) { Skip("The server does not advertise client-confidential-asymmetric."); return; }
        var problems = new List<string>();
        var methods = config.Strings("token_endpoint_auth_methods_supported");
        if (methods is null || !methods.Contains("private_key_jwt"))
            problems.Add($"token_endpoint_auth_methods_supported is {Show(methods)}, without \"private_key_jwt\"");
        var algorithms = config.Strings("token_endpoint_auth_signing_alg_values_supported");
        if (algorithms is null || !algorithms.Any(a => a is "RS384" or "ES384"))
            problems.Add($"token_endpoint_auth_signing_alg_values_supported is {Show(algorithms)}, with neither \"RS384\" nor \"ES384\"");
        if (config.Strings("scopes_supported") is null)
            problems.Add("scopes_supported is missing");
        if (config.Url("token_endpoint") is null)
            problems.Add("token_endpoint is missing");
        if (problems.Count > 0)
            Fail($"client-confidential-asymmetric is advertised, but {string.Join("; ", problems)}.", fetch.Exchange,
                "a server advertising client-confidential-asymmetric SHALL include token_endpoint, scopes_supported, token_endpoint_auth_methods_supported (with private_key_jwt) and token_endpoint_auth_signing_alg_values_supported (with RS384 and/or ES384)");
    }

    [Test]
    [Check("DISC-08", "The discovery document has the RECOMMENDED scopes_supported and response_types_supported (a warning when missing)",
        "SMART App Launch 2.2 Conformance: Metadata", Spec.Metadata)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@389"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@390")]
    public async Task RecommendedFields_ArePresent()
    {
        var (fetch, config) = await RequireDocumentAsync();
        var missing = Recommended.Where(f => config.Strings(f) is null).ToList();
        if (missing.Count > 0)
        {
            Uses(fetch.Exchange);
            Assert.Warn($"The discovery document lacks the RECOMMENDED {string.Join(", ", missing)} (each an array of strings). " +
                        $"Apps use them to know which scopes to ask for and which response types work. See {Spec.Metadata}");
        }
    }

    private static async Task<(DiscoveryFetch Fetch, SmartConfiguration Config)> RequireDocumentAsync()
    {
        var fetch = await Session.DiscoveryAsync();
        Uses(fetch.Exchange);
        if (fetch.Configuration is null) Skip($"The discovery document could not be read ({fetch.Problem}); DISC-01 reports why.");
        return (fetch, fetch.Configuration!);
    }

    // Every *_endpoint field, jwks_uri, the brand bundle URL, and associated_endpoints[].url: present values only.
    private static IEnumerable<(string Field, string Value)> EndpointUrls(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) yield break;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.EndsWith("_endpoint", StringComparison.Ordinal) || property.Name is "jwks_uri" or "user_access_brand_bundle")
                yield return (property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
        }
        if (root.TryGetProperty("associated_endpoints", out var associated) && associated.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var endpoint in associated.EnumerateArray())
            {
                if (endpoint.ValueKind == JsonValueKind.Object && endpoint.TryGetProperty("url", out var url))
                    yield return ($"associated_endpoints[{index}].url", url.ValueKind == JsonValueKind.String ? url.GetString()! : url.GetRawText());
                index++;
            }
        }
    }

    private static string Show(IReadOnlyList<string>? values) => values is null ? "missing" : $"[{string.Join(", ", values)}]";
}
