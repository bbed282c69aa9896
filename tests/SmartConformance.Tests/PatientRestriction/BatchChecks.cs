using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.PatientRestriction;

[CheckGroup("Patient-restricted reads")]
public sealed class BatchChecks : ConformanceFixture
{
    private const string Batches = Spec.Smart + "scopes-and-launch-context.html#batches-and-transactions";

    [Test]
    [Check("RS-08", "In a batch, each entry is authorized on its own: the launch patient's read succeeds, another patient's is refused",
        "SMART App Launch 2.2 Scopes and Launch Context: batches and transactions", Batches)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@130")]
    public async System.Threading.Tasks.Task BatchEntries_AreAuthorizedOnTheirOwn()
    {
        var metadata = await Session.Shared("metadata", session => FhirRead.GetAsync(session.Http, session.FhirBaseUrl, "metadata", accessToken: null, "metadata", CancellationToken.None));
        Uses(metadata.Exchange);
        if (metadata.Resource is not CapabilityStatement statement) { Skip("No CapabilityStatement at /metadata; CAPS-01 reports it."); return; }
        if (!statement.Rest.Any(rest => rest.Interaction.Any(i => i.Code == CapabilityStatement.SystemRestfulInteraction.Batch)))
        {
            Skip("The CapabilityStatement does not declare the batch interaction (rest.interaction batch), so batches are not exercised.");
            return;
        }
        if (Session.Profile.FhirAccess.OtherPatient?.Id is not { } other)
        {
            Skip("The profile names no fhirAccess.otherPatient, so there is no out-of-context entry to put in the batch.");
            return;
        }
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The token response names no patient; TOK-01 reports it."); return; }
        if (patient == other) throw new HarnessException($"fhirAccess.otherPatient ({other}) is the launch patient; name a patient outside the launch's context.");

        var own = $"Patient/{patient}";
        var foreign = $"Patient/{other}";
        var batch = new Bundle
        {
            Type = Bundle.BundleType.Batch,
            Entry =
            [
                new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = own } },
                new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = foreign } },
            ],
        };
        var read = await FhirRead.SendAsync(Session.Http, HttpMethod.Post, Session.FhirBaseUrl, "", await FreshTokenAsync(launch), "fhir-batch", batch, CancellationToken.None);
        var requirement = $"a batch POSTed to the FHIR base with GET {own} (the launch patient) and GET {foreign} (another patient) answers 200 with a batch-response whose first entry is 200 and whose second is refused (403 or 404): every entry is authorized as if sent alone";
        if (read.Status != 200 || read.Resource is not Bundle { Type: Bundle.BundleType.BatchResponse } response)
        {
            Fail($"The server declares batch, but POSTing a batch of two reads answered {read.Status?.ToString() ?? "nothing"} " +
                 $"({(read.Resource is null ? read.ParseProblem : $"a {read.Resource.TypeName}{(read.Resource is Bundle b ? $" of type {b.Type}" : "")}")}), not a batch-response Bundle.",
                read.Exchange, requirement);
            return;
        }
        if (response.Entry.Count != 2)
        {
            Fail($"The batch-response has {response.Entry.Count} entries for a batch of 2.", read.Exchange, requirement);
            return;
        }

        var problems = new List<string>();
        var (ownStatus, foreignStatus) = (Status(response.Entry[0]), Status(response.Entry[1]));
        if (ownStatus != 200)
            problems.Add($"GET {own}, which the token reaches, answered \"{response.Entry[0].Response?.Status}\" inside the batch");
        if (!PatientLaunch.IsRefusal(foreignStatus) || response.Entry[1].Resource is Patient)
            problems.Add($"GET {foreign}, another patient's record, answered \"{response.Entry[1].Response?.Status}\"{(response.Entry[1].Resource is { } leaked ? $" with the {leaked.TypeName}" : "")} inside the batch");
        if (problems.Count > 0)
            Fail("The batch's entries are not authorized on their own: " + string.Join("; ", problems) + ".", read.Exchange, requirement);
    }

    // "200 OK", "403 Forbidden": the status code is the first word.
    private static int? Status(Bundle.EntryComponent entry) =>
        entry.Response?.Status?.Split(' ', 2)[0] is { } code && int.TryParse(code, out var status) ? status : null;
}
