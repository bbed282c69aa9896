using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.PatientRestriction;

[CheckGroup("Patient-restricted reads")]
public sealed class LaunchPatientChecks : ConformanceFixture
{
    [Test]
    [Check("RS-10", "The launch patient's Patient resource is readable with the access token",
        "SMART App Launch 2.2 App Launch: access FHIR API", Spec.AccessFhir)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@95")]
    public async System.Threading.Tasks.Task LaunchPatient_IsReadableWithToken()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        var patientId = PatientLaunch.PatientOf(launch);
        if (patientId is null) { Skip("The token response names no patient; TOK-01 reports it."); return; }

        var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, $"Patient/{patientId}", await FreshTokenAsync(launch), "fhir-read", CancellationToken.None);
        var requirement = $"GET Patient/{patientId} with the launch's access token returns 200 and that Patient (the token's scope covers it)";
        if (read.Status != 200) { Fail($"Reading the launch patient answered {read.Status?.ToString() ?? "nothing"}.", read.Exchange, requirement); return; }
        if (read.Resource is not Patient patient)
        {
            Fail(read.ParseProblem ?? $"The response is a {read.Resource?.TypeName}, not a Patient.", read.Exchange, requirement);
            return;
        }
        if (patient.Id != patientId)
            Fail($"The Patient returned has id \"{patient.Id}\", not the launch patient \"{patientId}\".", read.Exchange, requirement);
    }
}
