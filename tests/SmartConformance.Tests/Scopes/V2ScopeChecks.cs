using System.Text.RegularExpressions;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.PatientRestriction;

namespace SmartConformance.Tests.Scopes;

/// <summary>SMART v2 scope syntax, as the standalone launch asks it: granted, returned in v2 form, honoured at the FHIR API.</summary>
[CheckGroup("Scopes")]
public sealed partial class V2ScopeChecks : ConformanceFixture
{
    [Test]
    [Check("SCOPE-01", "With permission-v2, SMART v2 scopes (patient/X.rs) are granted, returned in v2 form, and read and search at the FHIR API",
        "SMART App Launch 2.2 Scopes for requesting FHIR resources; conformance: capabilities (permission-v2)", Spec.ResourceScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@370")]
    public async Task V2Scopes_AreGrantedInV2FormAndHonoured()
    {
        if ((await Session.DiscoveryAsync()).Configuration?.Capabilities.Contains("permission-v2") != true)
        {
            Skip("The discovery document does not advertise permission-v2.");
            return;
        }
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var asked = ScopeSet.Parse(launch.Request!.Scope).Scopes.Where(s => V2ResourceScope().IsMatch(s)).ToList();
        if (asked.Count == 0) { Skip($"The standalone launch's scope \"{launch.Request.Scope}\" asks no v2 resource scope such as patient/Observation.rs."); return; }
        var grantedText = launch.Token!.Response.Scope;
        if (string.IsNullOrEmpty(grantedText)) { Skip("The token response has no scope; TOK-01 reports it."); return; }
        var granted = ScopeSet.Parse(grantedText);
        var requirement = "a server advertising permission-v2 accepts SMART v2 scopes: what the user approved is granted " +
                          "(.rs, or .r plus .s), named in v2 syntax in the token response, and honoured at the FHIR API (.r reads, .s searches)";

        var problems = new List<string>();
        foreach (var scope in asked)
        {
            var (prefix, permissions) = Split(scope);
            var sameType = granted.Scopes.Where(g => g.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
            if (sameType.FirstOrDefault(g => Split(g).Permissions is "read" or "write" or "*") is { } v1)
                problems.Add($"{scope} was asked in v2 form but is returned in v1 form as {v1}");
            else if (!granted.Covers(scope))
                problems.Add($"{scope} was asked and approved, but the grant for {prefix} is {(sameType.Count == 0 ? "nothing" : string.Join(" ", sameType))} " +
                             $"(permissions {permissions} asked); if your server's policy narrows it, list in launches.standalonePatient.scope only what the user can be granted");
        }
        if (problems.Count > 0)
        {
            Fail($"The standalone launch asked \"{launch.Request.Scope}\" and was granted \"{grantedText}\": {string.Join("; ", problems)}.", launch.Token.Exchange, requirement);
            return;
        }

        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The token response names no patient, so the FHIR API cannot be probed; TOK-01 reports it."); return; }
        foreach (var scope in asked.Where(s => s.StartsWith("patient/", StringComparison.Ordinal) && !s.StartsWith("patient/*", StringComparison.Ordinal)))
        {
            var (prefix, permissions) = Split(scope);
            var type = prefix["patient/".Length..];
            var search = type == "Patient" ? $"Patient?_id={Uri.EscapeDataString(patient)}" : $"{type}?patient={Uri.EscapeDataString(patient)}";
            string? readTarget = type == "Patient" ? $"Patient/{Uri.EscapeDataString(patient)}" : null;
            if (permissions.Contains('s') || readTarget is null)
            {
                var found = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, search, await FreshTokenAsync(launch), "v2-scope-search", CancellationToken.None);
                Uses(found.Exchange);
                if (permissions.Contains('s') && (found.Status != 200 || found.Resource is not Hl7.Fhir.Model.Bundle))
                {
                    Fail($"GET {search} with the token granted \"{grantedText}\" answered {found}: {scope} allows search.", found.Exchange, requirement);
                    return;
                }
                readTarget ??= found.BundleResources.FirstOrDefault(r => r.TypeName == type && r.Id is not null)?.Id is { } firstId ? $"{type}/{Uri.EscapeDataString(firstId)}" : null;
            }
            if (!permissions.Contains('r') || readTarget is null) continue;
            var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, readTarget, await FreshTokenAsync(launch), "v2-scope-read", CancellationToken.None);
            Uses(read.Exchange);
            if (read.Status != 200 || read.Resource?.TypeName != type)
            {
                Fail($"GET {readTarget} with the token granted \"{grantedText}\" answered {read}: {scope} allows read.", read.Exchange, requirement);
                return;
            }
        }
    }

    private static (string Prefix, string Permissions) Split(string scope)
    {
        var body = scope.Split('?', 2)[0];
        var dot = body.LastIndexOf('.');
        return dot < 0 ? (body, "") : (body[..dot], body[(dot + 1)..]);
    }

    // patient|user/Type.<ordered subset of cruds>, without a search-parameter constraint (SCOPE-03 covers those).
    [GeneratedRegex(@"^(?:patient|user)/(?:[A-Za-z]+|\*)\.(?=[cruds])c?r?u?d?s?$")]
    private static partial Regex V2ResourceScope();
}
