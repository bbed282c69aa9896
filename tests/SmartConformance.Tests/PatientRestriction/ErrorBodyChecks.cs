using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.FhirAccess;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.PatientRestriction;

[CheckGroup("Patient-restricted reads")]
public sealed class ErrorBodyChecks : ConformanceFixture
{
    [Test]
    [Check("ERR-04", "FHIR error responses with a JSON body carry an OperationOutcome",
        "FHIR R4 RESTful API: status codes and OperationOutcome", Spec.FhirErrors)]
    [Requirement("FHIR-R4@http-status-codes")]
    public async System.Threading.Tasks.Task ErrorBodies_AreOperationOutcomes()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The token response names no patient; TOK-01 reports it."); return; }

        // Requests a conformant server answers with an error: an unknown id, another patient, a type outside the scope.
        var relatives = new List<string> { $"Patient/smart-conformance-unknown-{Guid.NewGuid():N}" };
        if (Session.Profile.FhirAccess.OtherPatient is { } other) relatives.Add($"Patient/{other.Id}");
        var granted = PatientLaunch.GrantedScopes(launch);
        if (Session.Profile.FhirAccess.ResourceTypes.FirstOrDefault(t => !granted.Reads(t)) is { } outside) relatives.Add(ProbeRequests.For(outside, patient));

        var errors = new List<FhirRead>();
        foreach (var relative in relatives)
        {
            var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, await FreshTokenAsync(launch), "error-body", CancellationToken.None);
            Uses(read.Exchange);
            if (read.Status is >= 400 and < 500) errors.Add(read);
        }
        if (errors.Count == 0) { Skip("None of the probe requests was answered with a 4xx, so there is no error body to judge; RS-04 and RS-05 report why."); return; }

        foreach (var error in errors.Where(e => IsJson(e.Exchange?.ResponseHeader("Content-Type"), e.Exchange?.ResponseBody)))
        {
            if (error.Resource is not OperationOutcome)
            {
                Fail($"The {error.Status} for {error.Exchange?.Url.PathAndQuery} has a JSON body that is {(error.Resource is null ? $"not a FHIR resource ({error.ParseProblem})" : $"a {error.Resource.TypeName}")}, not an OperationOutcome.",
                    error.Exchange, "when a FHIR server returns a body with an error status it is an OperationOutcome describing the problem, so clients can show and log it");
                return;
            }
        }
    }

    private static bool IsJson(string? contentType, string? body) =>
        MediaType.Is(contentType, "application/fhir+json") || MediaType.Is(contentType, "application/json") ||
        (contentType is null && body?.TrimStart().StartsWith('{') == true);
}
