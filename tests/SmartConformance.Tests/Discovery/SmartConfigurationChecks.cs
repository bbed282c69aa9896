using System.Text.Json;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Discovery;

[CheckGroup("Discovery")]
public sealed class SmartConfigurationChecks : ConformanceFixture
{
    // The Accept headers a client may send; "none" sends no Accept header at all.
    private static readonly string?[] AcceptHeaders = ["application/json", "application/fhir+json", "text/html", "*/*", null];

    [Test]
    [Check("DISC-01", "The discovery document is served as application/json at {fhirBase}/.well-known/smart-configuration, whatever the Accept header",
        "SMART App Launch 2.2 Conformance: Using .well-known", Spec.WellKnown)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@372"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@374"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@377"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@30"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@376"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@380")]
    public async Task DiscoveryDocument_IsServedAsJson()
    {
        const string requirement = "a 200 response with Content-Type application/json whose body is a JSON object, with no token needed, regardless of the Accept header sent";
        var url = HttpProbe.Under(Session.FhirBaseUrl, ".well-known/smart-configuration");
        var problems = new List<(string Problem, HttpExchange? Exchange)>();
        foreach (var accept in AcceptHeaders)
        {
            var label = accept ?? "none";
            var headers = accept is null ? null : new Dictionary<string, string> { ["Accept"] = accept };
            var exchange = await HttpProbe.GetAsync(Session.Http, url, $"smart-configuration-accept-{label}", headers, CancellationToken.None);
            if (Problem(exchange) is { } problem) problems.Add(($"with Accept: {label}, {problem}", exchange));
        }
        if (problems.Count > 0)
        {
            Uses(problems.Select(p => p.Exchange).ToArray());
            Fail($"The discovery document is not always served as JSON: {string.Join("; ", problems.Select(p => p.Problem))}.", problems[0].Exchange, requirement);
        }
    }

    private static string? Problem(HttpExchange? exchange)
    {
        if (exchange?.Status is not { } status) return $"no response ({exchange?.Error ?? "not sent"})";
        if (status != 200) return $"the server answered {status}";
        var contentType = exchange.ResponseHeader("Content-Type");
        if (!MediaType.Is(contentType, "application/json")) return $"the Content-Type is {contentType ?? "missing"}";
        try
        {
            using var document = JsonDocument.Parse(exchange.ResponseBody ?? "");
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : $"the body is a JSON {document.RootElement.ValueKind}, not an object";
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
    }

    [Test]
    [Check("DISC-02", "The discovery document has the required fields",
        "SMART App Launch 2.2 Conformance: Metadata", Spec.Metadata)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@383"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@384"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@385"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@393"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@394")]
    public async Task DiscoveryDocument_HasRequiredFields()
    {
        var fetch = await Session.DiscoveryAsync();
        Uses(fetch.Exchange);
        if (fetch.Configuration is not { } config) { Skip($"The discovery document could not be read ({fetch.Problem}); DISC-01 reports why."); return; }

        var missing = new List<string>();
        if (config.Url("token_endpoint") is null) missing.Add("token_endpoint (an absolute URL)");
        if (config.Strings("capabilities") is null) missing.Add("capabilities (an array of strings)");
        if (config.Strings("grant_types_supported") is null) missing.Add("grant_types_supported (an array of strings)");
        if (config.Strings("code_challenge_methods_supported") is null) missing.Add("code_challenge_methods_supported (an array of strings)");
        var launches = config.Capabilities.Any(c => c is "launch-ehr" or "launch-standalone");
        if (launches && config.Url("authorization_endpoint") is null) missing.Add("authorization_endpoint (an absolute URL, required with launch-ehr or launch-standalone)");
        if (missing.Count > 0)
            Fail($"The discovery document lacks or mistypes: {string.Join("; ", missing)}.", fetch.Exchange,
                "token_endpoint, capabilities, grant_types_supported and code_challenge_methods_supported are REQUIRED; authorization_endpoint is REQUIRED when a launch capability is advertised");
    }

    [Test]
    [Check("DISC-04", "Discovery advertises PKCE S256 and not plain",
        "SMART App Launch 2.2 App Launch: Considerations for PKCE support", Spec.Pkce)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@14"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@15")]
    public async Task DiscoveryDocument_AdvertisesS256AndNotPlain()
    {
        var fetch = await Session.DiscoveryAsync();
        Uses(fetch.Exchange);
        if (fetch.Configuration is not { } config) { Skip($"The discovery document could not be read ({fetch.Problem}); DISC-01 reports why."); return; }
        const string requirement = "SMART servers SHALL support the S256 code_challenge_method and SHALL NOT support plain";
        var methods = config.Strings("code_challenge_methods_supported");
        if (methods is null) { Skip("code_challenge_methods_supported is missing; DISC-02 reports it."); return; }
        if (!methods.Contains("S256"))
            Fail($"code_challenge_methods_supported is [{string.Join(", ", methods)}], without \"S256\".", fetch.Exchange, requirement);
        if (methods.Contains("plain"))
            Fail("code_challenge_methods_supported lists \"plain\".", fetch.Exchange, requirement);
    }
}
