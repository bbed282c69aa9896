using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.EhrLaunch;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Scopes;

/// <summary>Patient-level scopes in an EHR launch: granted, with the EHR's patient in context, and usable for that patient.</summary>
[CheckGroup("Scopes")]
public sealed class EhrPatientScopeChecks : ConformanceFixture
{
    [Test]
    [Check("SCOPE-06", "An EHR launch asking patient/ scopes is granted them, with the patient in context whose data they read",
        "SMART App Launch 2.2 Scopes and Launch Context: apps that launch from the EHR", EhrSpec.EhrContextScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@164"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@367")]
    public async Task EhrLaunch_GrantsPatientScopesWithThePatient()
    {
        var capabilities = (await Session.DiscoveryAsync()).Configuration?.Capabilities ?? [];
        foreach (var capability in new[] { "launch-ehr", "permission-patient" })
            if (!capabilities.Contains(capability)) { Skip($"The discovery document does not advertise {capability}."); return; }
        var ehr = await EhrEvidence.LaunchAsync(Session);
        var launch = RequireLaunch(ehr.Launch, "EHR-01", l => l.Token?.Response.IsError == false);
        var askedText = launch.Request?.Scope ?? ehr.Profile.Scope;
        var asked = ScopeSet.Parse(askedText).Scopes.Where(IsPatientScope).ToList();
        if (asked.Count == 0) { Skip($"The EHR launch's scope \"{askedText}\" asks no patient/ scope; add one (e.g. patient/*.rs) to launches.ehr.scope."); return; }
        var response = launch.Token!.Response;
        var grantedText = response.Scope;
        if (string.IsNullOrEmpty(grantedText)) { Skip("The EHR launch's token response has no scope; TOK-01 reports a missing scope."); return; }
        var granted = ScopeSet.Parse(grantedText);
        var patient = LaunchContextJson.String(response.Json ?? default, "patient");
        var requirement = "a server advertising permission-patient grants the patient/ scopes an EHR-launched app asks for (the user approved them), " +
                          "and when an EHR launch grants a patient-level scope the EHR establishes that patient in context (patient in the token response), " +
                          "whose data the token then reads";

        var notGranted = asked.Where(s => !granted.Covers(s)).ToList();
        if (notGranted.Count > 0)
        {
            Fail($"The EHR launch asked \"{askedText}\" but was granted \"{grantedText}\", which leaves out {string.Join(", ", notGranted)} " +
                 "(if your server's policy narrows them, list in launches.ehr.scope only what the user can be granted).", launch.Token.Exchange, requirement);
            return;
        }
        if (string.IsNullOrEmpty(patient))
        {
            Fail($"The EHR launch was granted the patient-level scopes {string.Join(", ", granted.Scopes.Where(IsPatientScope))}, but the token response's patient is {LaunchContextJson.Show(response.Json ?? default, "patient")}.",
                launch.Token.Exchange, requirement);
            return;
        }
        if (!new ClinicalScopes(grantedText).Reads("Patient")) return;
        var relative = $"Patient/{Uri.EscapeDataString(patient)}";
        var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, await FreshTokenAsync(launch), "ehr-patient-read", CancellationToken.None);
        Uses(read.Exchange);
        if (read.Status != 200 || read.Resource is not Hl7.Fhir.Model.Patient)
            Fail($"The EHR launch was granted \"{grantedText}\" with patient {patient} in context, but GET {relative} with its token answered {read}.", read.Exchange, requirement);
    }

    private static bool IsPatientScope(string scope) => scope.StartsWith("patient/", StringComparison.Ordinal);
}
