using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.PatientRestriction;

[CheckGroup("Patient-restricted reads")]
public sealed class UpsertChecks : ConformanceFixture
{
    [Test]
    [Check("RS-14", "An update (u) scope allows create-by-update where the CapabilityStatement declares updateCreate",
        "SMART App Launch 2.2 Scopes for requesting FHIR resources", Spec.ResourceScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@123")]
    public async System.Threading.Tasks.Task UpdateScope_AllowsCreateByUpdate()
    {
        if (Session.Profile.Upsert is not { } upsert)
        {
            Skip("The profile has no upsert entry (a scope granting update but not create on Observation), so create-by-update is not exercised.");
            return;
        }
        var metadata = await Session.Shared("metadata", session => FhirRead.GetAsync(session.Http, session.FhirBaseUrl, "metadata", accessToken: null, "metadata", CancellationToken.None));
        Uses(metadata.Exchange);
        if (metadata.Resource is not CapabilityStatement statement) { Skip("No CapabilityStatement at /metadata; CAPS-01 reports it."); return; }
        if (!statement.Rest.SelectMany(r => r.Resource).Any(r => r.Type == "Observation" && r.UpdateCreate == true))
        {
            Skip("The CapabilityStatement does not declare updateCreate for Observation, so create-by-update need not be supported.");
            return;
        }

        var standalone = Session.Profile.Launches.StandalonePatient;
        var launch = RequireLaunch(await Session.Shared("upsert-launch", session =>
                StandaloneLaunch.RunAsync(session, "upsert", standalone with { Scope = upsert.Scope }, CancellationToken.None)),
            "TOK-01", l => l.AccessToken is not null);
        var granted = ScopeSet.Parse(launch.Token!.Response.Scope ?? launch.Request!.Scope);
        if (!granted.Covers("patient/Observation.u") && !granted.Covers("user/Observation.u"))
        {
            Skip($"The upsert launch was granted \"{granted}\", with no update scope on Observation, so there is nothing to exercise.");
            return;
        }
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The upsert launch's token response names no patient; TOK-01 reports it."); return; }

        var id = $"smartconformance-upsert-{Guid.NewGuid():N}";
        var observation = new Observation
        {
            Id = id,
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Text = "SmartConformance create-by-update probe" },
            Subject = new ResourceReference($"Patient/{patient}"),
        };
        var put = await FhirRead.SendAsync(Session.Http, HttpMethod.Put, Session.FhirBaseUrl, $"Observation/{id}", await FreshTokenAsync(launch), "upsert-put", observation, CancellationToken.None);
        Uses(put.Exchange);
        var requirement = "where the server supports create-by-update (updateCreate), a token with the update scope (u) may create a resource with PUT to a new id: 201 Created, without needing the create scope";
        if (put.Status is 401 or 403)
            Fail($"PUT Observation/{id} (a new id in Patient/{patient}'s record) with the scope \"{granted}\" was refused with {put.Status}, although the CapabilityStatement declares updateCreate for Observation.",
                put.Exchange, requirement);
        else if (!put.IsSuccess)
            throw new HarnessException($"PUT Observation/{id} answered {put.Status?.ToString() ?? "nothing"} ({put.ParseProblem ?? put.Resource?.TypeName}), neither a success nor an authorization refusal, so the suite cannot tell whether the update scope was honoured.");
    }
}
