using System.Text.Json;
using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.FhirAccess;

[CheckGroup("FHIR access")]
public sealed class PatientReadChecks : ConformanceFixture
{
    [Test]
    [Check("RS-10", "The launch patient's Patient resource is readable with the access token",
        "SMART App Launch 2.2 App Launch: access FHIR API", Spec.AccessFhir)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@95")]
    public async System.Threading.Tasks.Task LaunchPatient_IsReadableWithToken()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        var patientId = PatientOf(launch.Token!.Response.Json);
        if (patientId is null) { Skip("The token response names no patient; TOK-01 reports it."); return; }

        var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, $"Patient/{patientId}", launch.AccessToken, "fhir-read", CancellationToken.None);
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

    [Test]
    [Check("RS-01", "A FHIR read without an access token is refused with 401 and WWW-Authenticate: Bearer",
        "RFC 6750 §3 (WWW-Authenticate); SMART App Launch 2.2 access FHIR API", Spec.Rfc6750Section3)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@94"), Requirement("RFC6750@3")]
    public async System.Threading.Tasks.Task PatientRead_WithoutToken_IsRefused()
    {
        // The profile's patient, not the launch's: this check must not depend on a launch working.
        var user = Session.Profile.User(Session.Profile.Launches.StandalonePatient.User);
        if (user.Patient is null) { Skip("The profile's standalone-launch user names no patient to read."); return; }

        var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, $"Patient/{user.Patient}", accessToken: null, "fhir-read-no-token", CancellationToken.None);
        const string requirement = "a protected resource requested without a token is refused with 401 Unauthorized and a WWW-Authenticate header using the Bearer scheme";
        if (read.Status != 401)
        {
            Fail(read.Status is >= 200 and < 300
                ? $"The server served Patient/{user.Patient} without any access token ({read.Status})."
                : $"The server answered {read.Status?.ToString() ?? "nothing"} instead of 401.", read.Exchange, requirement);
            return;
        }
        var challenge = read.Exchange?.ResponseHeader("WWW-Authenticate");
        if (challenge is null || !challenge.TrimStart().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase))
            Fail($"The 401 carries WWW-Authenticate: {challenge ?? "(none)"}, not a Bearer challenge.", read.Exchange, requirement);
    }

    private static string? PatientOf(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("patient", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
