using System.Text.Json;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Launch;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.EhrLaunch;

[CheckGroup("EHR launch")]
public sealed class EhrLaunchChecks : ConformanceFixture
{
    [Test]
    [Check("EHR-01", "The EHR opens the app's launch URL with iss (the FHIR base URL) and a launch value",
        "SMART App Launch 2.2 App Launch: launch app (EHR launch)", EhrSpec.EhrLaunch)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@352")]
    public async Task EhrLaunch_SendsIssAndLaunch()
    {
        var ehr = await EhrEvidence.LaunchAsync(Session);
        Uses(ehr.Launch.BrowserTraffic.ToArray());
        Uses(ehr.Launch.Artifacts);
        var fhirBase = Session.FhirBaseUrl.AbsoluteUri.TrimEnd('/');
        var requirement = $"the EHR sends the browser to the app's registered launch URL with iss={fhirBase} (the FHIR base URL the app then discovers) and an opaque launch parameter";
        if (ehr.Received is not { } received)
        {
            if (ehr.Launch.ProblemIsHarness) throw new HarnessException($"The browser never reached the app's launch URL {ehr.LaunchUrl} from {ehr.StartUrl}: {ehr.Launch.Problem}");
            Fail($"The EHR never opened the app's launch URL {ehr.LaunchUrl} (started at {ehr.StartUrl}).", ehr.Launch.BrowserTraffic.LastOrDefault(), requirement);
            return;
        }

        var evidence = ehr.Launch.BrowserTraffic.FirstOrDefault(e => e.Url.AbsolutePath.StartsWith(ehr.LaunchUrl.AbsolutePath, StringComparison.Ordinal))
            ?? ehr.Launch.BrowserTraffic.FirstOrDefault();
        var problems = new List<string>();
        if (string.IsNullOrEmpty(received.Launch)) problems.Add("the launch parameter is missing or empty");
        if (string.IsNullOrEmpty(received.Iss)) problems.Add("the iss parameter is missing");
        else if (!SameUrl(received.Iss, fhirBase))
            problems.Add($"iss is \"{received.Iss}\", not the FHIR base URL \"{fhirBase}\" (an app would fetch discovery from the wrong server; the suite continued with the configured base)");
        if (problems.Count > 0)
            Fail($"The EHR opened {received.Url.GetLeftPart(UriPartial.Path)} but {string.Join("; ", problems)}.", evidence, requirement);
    }

    [Test]
    [Check("EHR-02", "The token response carries the context the EHR launched with: patient, encounter, fhirContext, need_patient_banner, smart_style_url",
        "SMART App Launch 2.2 Scopes and Launch Context: launch context arrives with your access_token", Spec.LaunchContext)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@164"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@168"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@170"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@171"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@173"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@175"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@359"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@360"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@361"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@362")]
    public async Task EhrLaunch_TokenResponseCarriesTheLaunchedContext()
    {
        var ehr = await EhrEvidence.LaunchAsync(Session);
        var launch = RequireLaunch(ehr.Launch, "EHR-01", l => l.Token?.Response.IsError == false);
        var exchange = launch.Token!.Exchange;
        var json = launch.Token.Response.Json ?? default;
        var capabilities = (await Session.DiscoveryAsync()).Configuration?.Capabilities ?? [];
        var expected = ehr.Profile;
        var granted = LaunchContextJson.String(json, "scope")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

        var problems = new List<string>();
        var patient = LaunchContextJson.String(json, "patient");
        if (expected.Patient is not null && patient != expected.Patient)
            problems.Add($"patient is {LaunchContextJson.Show(json, "patient")}, but the EHR launched with patient \"{expected.Patient}\"");
        else if (patient is null && granted.Any(s => s.StartsWith("patient/", StringComparison.Ordinal)))
            problems.Add($"patient is {LaunchContextJson.Show(json, "patient")}, but patient-level scopes were granted, so the EHR must establish a patient in context");
        if (expected.Encounter is not null && LaunchContextJson.String(json, "encounter") != expected.Encounter)
            problems.Add($"encounter is {LaunchContextJson.Show(json, "encounter")}, but the EHR launched with encounter \"{expected.Encounter}\"");
        var references = LaunchContextJson.References(json);
        foreach (var reference in expected.FhirContext.Where(r => !references.Contains(r)))
            problems.Add($"fhirContext does not mention {reference}, which the EHR launched with (fhirContext is {LaunchContextJson.Show(json, "fhirContext")})");
        if (capabilities.Contains("context-banner") && !json.TryGetPropertyOf("need_patient_banner", out _))
            problems.Add("need_patient_banner is missing, but discovery advertises context-banner");
        else if (expected.NeedPatientBanner is { } banner && json.TryGetPropertyOf("need_patient_banner", out var value) &&
                 value.ValueKind is JsonValueKind.True or JsonValueKind.False && value.GetBoolean() != banner)
            problems.Add($"need_patient_banner is {value.GetRawText()}, but the EHR launched with {(banner ? "true" : "false")}");
        if (capabilities.Contains("context-style") && string.IsNullOrEmpty(LaunchContextJson.String(json, "smart_style_url")))
            problems.Add($"smart_style_url is {LaunchContextJson.Show(json, "smart_style_url")}, but discovery advertises context-style");

        if (problems.Count > 0)
            Fail("The EHR launch's token response does not carry the launch context: " + string.Join("; ", problems) + ".", exchange,
                "the token response of an EHR launch carries the context the EHR launched with: patient, encounter, fhirContext, and need_patient_banner / smart_style_url when context-banner / context-style are advertised");
    }

    [Test]
    [Check("EHR-03", "An authorize request with the launch scope and a forged or missing launch value yields no code, or no launch context",
        "SMART App Launch 2.2 Scopes and Launch Context: apps that launch from the EHR", EhrSpec.EhrContextScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@165"), Requirement("RFC6749@4.1.2.1")]
    public async Task EhrLaunch_ForgedOrMissingLaunchIsRefused()
    {
        var refusals = await EhrEvidence.RefusalsAsync(Session);
        var ehr = await EhrEvidence.LaunchAsync(Session);
        var problems = new List<string>();
        HttpExchange? evidence = null;
        foreach (var refusal in refusals)
        {
            var outcome = refusal.Outcome;
            Uses(outcome.BrowserTraffic.ToArray());
            Uses(outcome.Token?.Exchange);
            Uses(outcome.Artifacts);
            if (refusal.BrowserStoppedAt is not null)
            {
                // An error page instead of a redirect also refuses; but only a working launch shows the steps themselves are right.
                if (ehr.Launch.Token?.Response.IsError != false)
                    throw new HarnessException($"With {refusal.Case} the browser stopped at {refusal.BrowserStoppedAt}, and the EHR launch itself did not complete, so the suite cannot tell a refusal from steps that do not fit: {outcome.Problem}");
                continue;
            }
            if (outcome.Token?.Response is not { IsError: false } token) continue;
            var json = token.Json ?? default;
            var context = new[] { "patient", "encounter", "fhirContext" }.Where(f => json.TryGetPropertyOf(f, out _)).ToList();
            if (context.Count == 0) continue;
            problems.Add($"with {refusal.Case}{(refusal.LaunchSent is null ? "" : $" (launch={refusal.LaunchSent})")} the server issued a code and a token carrying launch context ({string.Join(", ", context.Select(f => $"{f}={LaunchContextJson.Show(json, f)}"))})");
            evidence ??= outcome.Token.Exchange;
        }
        if (problems.Count > 0)
            Fail("The server gave EHR launch context to a request that carried no valid launch: " + string.Join("; ", problems) + ".", evidence,
                "an authorize request asking for the launch scope without a launch value the EHR issued to this client is refused (error=invalid_request to the redirect URI, or an error page), or at least yields no launch context");
    }

    private static bool SameUrl(string a, string b) =>
        Uri.TryCreate(a.TrimEnd('/'), UriKind.Absolute, out var x) && Uri.TryCreate(b.TrimEnd('/'), UriKind.Absolute, out var y) &&
        Uri.Compare(x, y, UriComponents.AbsoluteUri, UriFormat.Unescaped, StringComparison.Ordinal) == 0;
}
