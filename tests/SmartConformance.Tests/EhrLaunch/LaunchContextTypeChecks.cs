using System.Text.Json;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;
using SmartConformance.Harness.Launch;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.EhrLaunch;

[CheckGroup("Token endpoint")]
public sealed class LaunchContextTypeChecks : ConformanceFixture
{
    [Test]
    [Check("TOK-10", "Launch context in the token response is well typed: patient/encounter strings, need_patient_banner boolean, fhirContext objects, smart_style_url fetchable JSON",
        "SMART App Launch 2.2 Scopes and Launch Context: launch context arrives with your access_token; fhirContext", EhrSpec.FhirContext)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@169"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@170"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@171"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@172"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@173"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@174"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@175"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@176"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@178"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@179"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@183"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@190"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@83"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@177"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@180"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@181"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@182"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@184"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@185"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@186"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@187"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@188"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@189"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@192")]
    public async Task LaunchContext_IsWellTyped()
    {
        // The EHR launch carries the richest context; without one, the standalone launch's patient is still judged.
        var launch = Session.Profile.Launches.Ehr is null
            ? RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token?.Response.IsError == false)
            : RequireLaunch((await EhrEvidence.LaunchAsync(Session)).Launch, "EHR-01", l => l.Token?.Response.IsError == false);
        var json = launch.Token!.Response.Json ?? default;

        var problems = new List<string>();
        foreach (var field in new[] { "patient", "encounter", "intent", "tenant" })
            if (json.TryGetPropertyOf(field, out var value) && (value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0))
                problems.Add($"{field} is {value.GetRawText()}, expected a non-empty string");
        if (json.TryGetPropertyOf("need_patient_banner", out var banner) && banner.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            problems.Add($"need_patient_banner is {banner.GetRawText()}, expected a JSON boolean (true or false)");
        if (json.TryGetPropertyOf("fhirContext", out var fhirContext))
            problems.AddRange(FhirContextRules.Problems(fhirContext));
        HttpExchange? styleExchange = null;
        if (json.TryGetPropertyOf("smart_style_url", out var style))
        {
            var (problem, exchange) = await StyleProblemAsync(style);
            styleExchange = exchange;
            if (problem is not null) problems.Add(problem);
        }

        if (problems.Count > 0)
        {
            Fail($"The {launch.Label} token response's launch context is malformed: " + string.Join("; ", problems) + ".",
                problems.All(p => p.StartsWith("smart_style_url", StringComparison.Ordinal)) ? styleExchange : launch.Token.Exchange,
                "patient, encounter, intent and tenant are strings; need_patient_banner is a boolean; fhirContext is an array of objects each with reference (relative, Type/id), canonical or identifier, a role that is an absolute URI unless SMART defines it, and Patient or Encounter only under a role other than launch; smart_style_url is a URL serving the style JSON");
            return;
        }
        if (json.TryGetPropertyOf("fhirContext", out var items) && FhirContextRules.Advice(items).ToList() is { Count: > 0 } advice)
            Assert.Warn($"The {launch.Label} token response's fhirContext SHOULD say the type of items given by identifier or canonical: {string.Join("; ", advice)}.");
    }

    private static async Task<(string? Problem, HttpExchange? Exchange)> StyleProblemAsync(JsonElement style)
    {
        if (style.ValueKind != JsonValueKind.String || !Uri.TryCreate(style.GetString(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return ($"smart_style_url is {style.GetRawText()}, expected an absolute http(s) URL", null);
        using var naming = ExchangeNaming.Begin("smart-style");
        try
        {
            using var request = SuiteHttp.Request(HttpMethod.Get, url, "smart-style", "application/json");
            using var response = await Session.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) return ($"smart_style_url {url} answered {(int)response.StatusCode}, expected 200 with the style JSON", naming.Captured);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (null, naming.Captured)
                : ($"smart_style_url {url} serves JSON but a {document.RootElement.ValueKind}, not an object", naming.Captured);
        }
        catch (JsonException) { return ($"smart_style_url {url} does not serve JSON", naming.Captured); }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException) { return ($"smart_style_url {url} could not be fetched ({ex.Message})", naming.Captured); }
    }
}
