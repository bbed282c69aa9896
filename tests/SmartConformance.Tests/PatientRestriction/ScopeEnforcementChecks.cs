using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.FhirAccess;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.PatientRestriction;

[CheckGroup("Patient-restricted reads")]
public sealed class ScopeEnforcementChecks : ConformanceFixture
{
    [Test]
    [Check("RS-05", "A resource type outside the granted scopes is refused, even in the launch patient's compartment",
        "SMART App Launch 2.2 App Launch: access FHIR API (scope covers the requested resource)", Spec.AccessFhir)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@95")]
    public async System.Threading.Tasks.Task TypeOutsideScope_IsRefused()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The token response names no patient; TOK-01 reports it."); return; }
        var granted = PatientLaunch.GrantedScopes(launch);
        if (Session.Profile.FhirAccess.ResourceTypes.FirstOrDefault(t => !granted.Reads(t)) is not { } type)
        {
            Skip($"Every profile resource type ({string.Join(", ", Session.Profile.FhirAccess.ResourceTypes)}) is covered by the granted scope \"{launch.Token?.Response.Scope}\"; add a type outside it to fhirAccess.resourceTypes.");
            return;
        }

        var relative = ProbeRequests.For(type, patient);
        var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, await FreshTokenAsync(launch), "out-of-scope-read", CancellationToken.None);
        Uses(read.Exchange);
        var requirement = $"the resource server SHALL ensure the token's scope covers the requested resource: {type} is not in the granted scope, so the request is refused with 403 (or 401), or a search returns no {type} and says why in an OperationOutcome";
        if (read.Status is 401 or 403) return;
        if (!read.IsSuccess) { Fail($"GET {relative} ({type}, outside the granted scope) answered {read.Status?.ToString() ?? "nothing"} instead of 403 or 401.", read.Exchange, requirement); return; }

        var served = read.Resource is Bundle ? read.BundleResources.Where(r => r.TypeName == type).ToList() : read.Resource is { } single ? [single] : [];
        if (served.Count > 0)
            Fail($"GET {relative} served {served.Count} {type} resource(s) although the granted scope \"{launch.Token?.Response.Scope}\" does not include {type}.", read.Exchange, requirement);
        else if (!read.BundleResources.OfType<OperationOutcome>().Any())
            Assert.Warn($"GET {relative} ({type}, outside the granted scope) returned an empty result without an OperationOutcome; the suite cannot tell a refusal from a patient who has no {type}. " +
                        $"Answer 403, or include an OperationOutcome saying results were withheld. See {Spec.AccessFhir}");
    }

    [Test]
    [Check("RS-06", "Creates and updates with read-only scopes are refused",
        "SMART App Launch 2.2 Scopes for requesting FHIR resources", Spec.ResourceScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@95")]
    public async System.Threading.Tasks.Task Writes_WithReadOnlyScopes_AreRefused()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The token response names no patient; TOK-01 reports it."); return; }
        var granted = PatientLaunch.GrantedScopes(launch);
        if (granted.Writes("Observation") || granted.Writes("Patient"))
        {
            Skip($"The granted scope \"{launch.Token?.Response.Scope}\" allows writing Observation or Patient; RS-06 needs a read-only launch scope.");
            return;
        }

        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Text = "SmartConformance write probe (must be refused)" },
            Subject = new ResourceReference($"Patient/{patient}"),
        };
        var attempts = new List<FhirRead>
        {
            await FhirRead.SendAsync(Session.Http, HttpMethod.Post, Session.FhirBaseUrl, "Observation", await FreshTokenAsync(launch), "write-create", observation, CancellationToken.None),
        };
        var current = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, $"Patient/{patient}", await FreshTokenAsync(launch), "write-read-current", CancellationToken.None);
        if (current.Resource is Patient existing)
            attempts.Add(await FhirRead.SendAsync(Session.Http, HttpMethod.Put, Session.FhirBaseUrl, $"Patient/{patient}", await FreshTokenAsync(launch), "write-update", existing, CancellationToken.None));
        Uses([current.Exchange, .. attempts.Select(a => a.Exchange)]);

        const string requirement = "a token whose scopes only read (r/s, v1 read) cannot create or update: the server refuses with 403 (401 and 405 are refusals too), never 2xx";
        foreach (var attempt in attempts)
        {
            var what = $"{attempt.Exchange?.Method} {attempt.Exchange?.Url.PathAndQuery}";
            if (attempt.IsSuccess) { Fail($"{what} with the read-only scope \"{launch.Token?.Response.Scope}\" succeeded ({attempt.Status}).", attempt.Exchange, requirement); return; }
            if (attempt.Status is >= 500) { Fail($"{what} with a read-only token failed with {attempt.Status} instead of a refusal.", attempt.Exchange, requirement); return; }
        }
        var inconclusive = attempts.Where(a => a.Status is not (401 or 403 or 404 or 405 or 501)).ToList();
        if (inconclusive.Count > 0)
            Assert.Warn($"{string.Join("; ", inconclusive.Select(a => $"{a.Exchange?.Method} {a.Exchange?.Url.PathAndQuery} answered {a.Status?.ToString() ?? "nothing"}"))}: " +
                        $"not a success, but not an authorization refusal either, so the suite cannot tell whether the scope was checked. See {Spec.ResourceScopes}");
    }
}
