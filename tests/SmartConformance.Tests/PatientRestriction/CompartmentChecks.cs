using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.FhirAccess;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.PatientRestriction;

[CheckGroup("Patient-restricted reads")]
public sealed class CompartmentChecks : ConformanceFixture
{
    [Test]
    [Check("RS-04", "A patient-level token reaches its patient's compartment and nothing of other patients (reads, unfiltered searches, _include/_revinclude)",
        "SMART App Launch 2.2 Scopes: patient-specific scopes", Spec.PatientScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@136"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@95"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@367")]
    public async System.Threading.Tasks.Task PatientToken_StaysInItsCompartment()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The token response names no patient; TOK-01 reports it."); return; }
        var granted = PatientLaunch.GrantedScopes(launch);
        var clinical = Session.Profile.FhirAccess.ResourceTypes.Where(t => t != "Patient" && granted.Reads(t)).Distinct().ToList();
        var problems = new List<(string Problem, HttpExchange? Exchange)>();

        async System.Threading.Tasks.Task<FhirRead> Get(string relative, string name)
        {
            var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, await FreshTokenAsync(launch), name, CancellationToken.None);
            Uses(read.Exchange);
            return read;
        }

        void Leaks(FhirRead read, string relative)
        {
            var foreign = read.BundleResources.Where(r => PatientCompartment.PatientOf(r) is { } owner && owner != patient).ToList();
            if (foreign.Count > 0)
                problems.Add(($"GET {relative} returned other patients' resources: {string.Join(", ", foreign.Take(5).Select(r => $"{r.TypeName}/{r.Id}"))}", read.Exchange));
        }

        // The launch patient's own compartment is reachable.
        foreach (var type in clinical)
        {
            var relative = ProbeRequests.For(type, patient);
            var read = await Get(relative, "compartment-search");
            if (read.Status != 200 || read.Resource is not Bundle)
                problems.Add(($"GET {relative} (the launch patient's own {type}, in scope) answered {read.Status?.ToString() ?? "nothing"} ({read.ParseProblem ?? read.Resource?.TypeName ?? "no resource"}) instead of a searchset", read.Exchange));
            else Leaks(read, relative);
        }

        // Another patient's resources, read directly, are refused.
        if (Session.Profile.FhirAccess.OtherPatient is { } other)
        {
            var direct = new List<string> { $"Patient/{other.Id}" };
            if (other.Observation is { } observation && granted.Reads("Observation")) direct.Add($"Observation/{observation}");
            foreach (var relative in direct)
            {
                var read = await Get(relative, "cross-patient-read");
                if (read.IsSuccess)
                    problems.Add(($"GET {relative} (another patient's data) was served ({read.Status}) to a token for Patient/{patient}", read.Exchange));
                else if (!PatientLaunch.IsRefusal(read.Status))
                    problems.Add(($"GET {relative} (another patient's data) answered {read.Status?.ToString() ?? "nothing"} instead of a refusal (403, 404 or 401)", read.Exchange));
            }
        }

        // Searches without a patient filter, and searches that pull in linked resources, return nothing of other patients.
        var searches = new List<string> { "Patient" };
        searches.AddRange(clinical);
        foreach (var type in clinical)
        {
            searches.Add($"{type}?patient={Uri.EscapeDataString(patient)}&_include={type}:subject");
            searches.Add($"{type}?_include={type}:subject");
            searches.Add($"Patient?_id={Uri.EscapeDataString(patient)}&_revinclude={type}:subject");
        }
        foreach (var relative in searches)
        {
            var read = await Get(relative, "unfiltered-search");
            if (read.Status is >= 500)
                problems.Add(($"GET {relative} failed with {read.Status}", read.Exchange));
            else if (read.IsSuccess)
                Leaks(read, relative);
            // A 4xx means the server requires a patient filter or does not support the parameter: nothing leaked.
        }

        if (problems.Count > 0)
            Fail($"The token for Patient/{patient} is not kept to that patient's compartment: {string.Join("; ", problems.Select(p => p.Problem))}.", problems[0].Exchange,
                "patient-specific scopes grant access to the data of a single patient: reads of another patient's resources are refused (403, 404 or 401) and searches, including _include and _revinclude, return only resources in the launch patient's compartment");
    }
}
