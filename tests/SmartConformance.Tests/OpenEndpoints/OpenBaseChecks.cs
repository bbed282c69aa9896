using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Discovery;
using SmartConformance.Tests.FhirAccess;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.OpenEndpoints;

/// <summary>
/// A FHIR base the profile says needs no authorization: it serves data without a token and does not advertise SMART
/// security in its CapabilityStatement (SMART's .well-known is only required of endpoints that need authorization, so
/// its presence there is not judged).
/// </summary>
[CheckGroup("Open versus protected endpoints")]
public sealed class OpenBaseChecks : ConformanceFixture
{
    private const string NoOpenBase = "The profile names no open FHIR base (openFhirBaseUrl); every base is treated as protected.";

    [Test]
    [Check("OPEN-01", "The open FHIR base serves the profile's reads without a token",
        "FHIR R4 RESTful API (read, search); profile openFhirBaseUrl", Spec.FhirCapabilities)]
    [Requirement("FHIR-R4@read")]
    public async System.Threading.Tasks.Task OpenBase_ServesReadsWithoutToken()
    {
        var (open, patient) = Require();
        const string requirement = "an endpoint published as open answers reads and searches without authorization: 200 and the resource (or a searchset Bundle)";
        var problems = new List<(string Problem, HttpExchange? Exchange)>();
        foreach (var (type, relative) in ProbeRequests.For(Session.Profile, patient))
        {
            var read = await FhirRead.GetAsync(Session.Http, open, relative, accessToken: null, "open-fhir-read", CancellationToken.None);
            Uses(read.Exchange);
            if (read.Status != 200)
                problems.Add(($"GET {relative} answered {read.Status?.ToString() ?? "nothing"}", read.Exchange));
            else if (type == "Patient" && (read.Resource as Patient)?.Id != patient)
                problems.Add(($"GET {relative} did not return Patient {patient} ({read.ParseProblem ?? read.Resource?.TypeName ?? "no resource"})", read.Exchange));
            else if (type != "Patient" && read.Resource is not Bundle { Type: Bundle.BundleType.Searchset })
                problems.Add(($"GET {relative} did not return a searchset Bundle ({read.ParseProblem ?? read.Resource?.TypeName ?? "no resource"})", read.Exchange));
        }
        if (problems.Count > 0)
            Fail($"The open base {open} does not serve its data without a token: {string.Join("; ", problems.Select(p => p.Problem))}.", problems[0].Exchange, requirement);
    }

    [Test]
    [Check("OPEN-02", "The open FHIR base's CapabilityStatement advertises no SMART security",
        "FHIR R4 CapabilityStatement.rest.security; SMART App Launch 2.2 Conformance", Spec.FhirSecurityService)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@372")]
    public async System.Threading.Tasks.Task OpenBase_AdvertisesNoSmartSecurity()
    {
        var (open, _) = Require();
        var read = await FhirRead.GetAsync(Session.Http, open, "metadata", accessToken: null, "open-fhir-metadata", CancellationToken.None);
        const string requirement = "an open endpoint's CapabilityStatement does not declare the SMART-on-FHIR security service or the oauth-uris extension: clients would otherwise authorize for data that needs none, and trust a restriction that is not applied";
        if (read.Resource is not CapabilityStatement statement)
        {
            Fail($"GET {open}/metadata did not return a CapabilityStatement ({read.Status?.ToString() ?? "no response"}; {read.ParseProblem ?? read.Resource?.TypeName}).", read.Exchange,
                "GET [base]/metadata returns a CapabilityStatement, without authorization");
            return;
        }
        var securities = statement.Rest.Select(r => r.Security).OfType<CapabilityStatement.SecurityComponent>().ToList();
        var declared = new List<string>();
        if (securities.SelectMany(s => s.Service).SelectMany(c => c.Coding).Any(c => c.System == CapabilityStatementChecks.SecurityServiceSystem && c.Code == "SMART-on-FHIR"))
            declared.Add("rest.security.service SMART-on-FHIR");
        if (securities.SelectMany(s => s.Extension).Any(e => e.Url == CapabilityStatementChecks.OAuthUrisExtension))
            declared.Add("the oauth-uris extension");
        if (declared.Count > 0)
            Fail($"The open base's CapabilityStatement declares {string.Join(" and ", declared)}, although it serves data without authorization.", read.Exchange, requirement);
    }

    [Test]
    [Check("OPEN-03", "The open FHIR base handles an invalid bearer token as the profile says (ignored or 401), never with a server error",
        "RFC 6750 §3.1; profile fhirAccess.openBaseInvalidToken", Spec.Rfc6750Section3)]
    [Requirement("RFC6750@3.1")]
    public async System.Threading.Tasks.Task OpenBase_HandlesInvalidTokenAsConfigured()
    {
        var (open, patient) = Require();
        var policy = Session.Profile.FhirAccess.OpenBaseInvalidToken;
        var relative = ProbeRequests.For("Patient", patient);
        var read = await FhirRead.GetAsync(Session.Http, open, relative, "invalid-token-" + Guid.NewGuid().ToString("N"), "open-fhir-invalid-token", CancellationToken.None);
        var requirement = policy == "refused"
            ? "per the profile, the open base refuses a request whose bearer token is invalid with 401 (RFC 6750 invalid_token)"
            : "per the profile, the open base ignores a bearer token it does not use and serves the request as if there were none (200)";
        if (read.Status is >= 500)
            Fail($"The open base failed with {read.Status} on a request carrying an invalid token.", read.Exchange, requirement);
        else if (policy == "refused" && read.Status != 401)
            Fail($"The open base answered {read.Status?.ToString() ?? "nothing"} to an invalid token instead of 401.", read.Exchange, requirement);
        else if (policy != "refused" && read.Status != 200)
            Fail($"The open base answered {read.Status?.ToString() ?? "nothing"} to a request with an invalid token instead of serving it (200).", read.Exchange, requirement);
        Uses(read.Exchange);
    }

    private static (Uri Open, string Patient) Require()
    {
        if (Session.OpenFhirBaseUrl is not { } open) { Skip(NoOpenBase); return default; }
        if (ProbeRequests.ProfilePatient(Session.Profile) is not { } patient) { Skip("The profile's standalone-launch user names no patient to read."); return default; }
        return (open, patient);
    }
}
