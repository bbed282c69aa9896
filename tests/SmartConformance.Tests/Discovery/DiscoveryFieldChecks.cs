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

    [Test]
    [Check("DISC-11", "The discovery document has the RECOMMENDED introspection_endpoint, registration_endpoint, associated_endpoints and user_access_brand_bundle/identifier (a warning when missing), and its optional fields are well-formed",
        "SMART App Launch 2.2 Conformance: Metadata; User-access Brands: metadata", Spec.Metadata)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@99"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@269"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@386"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@387"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@388"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@391"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@406"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@410"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@411"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@427"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@428"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@430"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@431"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@438"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@439")]
    public async Task RecommendedAndOptionalFields_AreWellFormed()
    {
        var (fetch, config) = await RequireDocumentAsync();
        var problems = new List<string>();
        if (config.Has("token_endpoint_auth_methods_supported") && config.Strings("token_endpoint_auth_methods_supported") is null)
            problems.Add("token_endpoint_auth_methods_supported is not an array of strings");
        if (config.Root.TryGetProperty("user_access_brand_identifier", out var identifier))
        {
            if (identifier.ValueKind != JsonValueKind.Object)
                problems.Add($"user_access_brand_identifier is a JSON {identifier.ValueKind}, not a FHIR Identifier object");
            else
                problems.AddRange(new[] { "value", "system" }.Where(m => !HasString(identifier, m)).Select(m => $"user_access_brand_identifier has no {m}"));
        }
        if (config.Root.TryGetProperty("associated_endpoints", out var associated))
            problems.AddRange(AssociatedEndpointProblems(associated));
        if (problems.Count > 0)
            Fail($"Optional discovery fields are malformed: {string.Join("; ", problems)}.", fetch.Exchange,
                "user_access_brand_identifier, when present, SHALL have a value and a system; associated_endpoints is an array of objects each with a url and a capabilities array; token_endpoint_auth_methods_supported is an array of strings");

        var missing = new List<string>();
        if (!config.Has("introspection_endpoint")) missing.Add("introspection_endpoint (how resource servers validate tokens)");
        if (!config.Has("registration_endpoint")) missing.Add("registration_endpoint (where apps register dynamically)");
        if (!config.Has("associated_endpoints")) missing.Add("associated_endpoints (the other FHIR endpoints this authorization server protects; an empty array when there are none)");
        if (!config.Has("user_access_brand_bundle")) missing.Add("user_access_brand_bundle (the Brand Bundle apps use to show this provider)");
        if (!config.Has("user_access_brand_identifier")) missing.Add("user_access_brand_identifier (this server's primary brand in that Bundle)");
        if (missing.Count > 0)
        {
            Uses(fetch.Exchange);
            Assert.Warn($"The discovery document lacks the RECOMMENDED {string.Join(", ", missing)}. See {Spec.Metadata} and {Spec.BrandMetadata}");
        }
    }

    private static IEnumerable<string> AssociatedEndpointProblems(JsonElement associated)
    {
        if (associated.ValueKind != JsonValueKind.Array) { yield return $"associated_endpoints is a JSON {associated.ValueKind}, not an array"; yield break; }
        var index = 0;
        foreach (var endpoint in associated.EnumerateArray())
        {
            if (endpoint.ValueKind != JsonValueKind.Object) yield return $"associated_endpoints[{index}] is not an object";
            else
            {
                if (!HasString(endpoint, "url")) yield return $"associated_endpoints[{index}] has no url";
                if (!endpoint.TryGetProperty("capabilities", out var capabilities) || capabilities.ValueKind != JsonValueKind.Array
                    || capabilities.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
                    yield return $"associated_endpoints[{index}] has no capabilities array of strings";
            }
            index++;
        }
    }

    private static bool HasString(JsonElement element, string member) =>
        element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());

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
