using System.Text.Json.Nodes;
using SmartConformance.ReferenceServer.Fhir;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>
/// The fhirContext array of an EHR launch (scopes-and-launch-context.html#fhircontext-exp). Besides the resources the
/// EHR user had open, it carries one item of each shape the spec allows, so a client (and the suite) meets them all:
/// a typed reference without role, a second item of the same type with an absolute role URI, a versioned canonical,
/// an identifier sharing that role, and the launch patient under a role other than <c>launch</c>.
/// </summary>
internal static class FhirContextItems
{
    /// <summary>A role this server defines; roles outside SMART's registry are absolute URIs.</summary>
    public const string RelatedRole = "https://smartconformance.local/fhir-context-role/related";

    public const string RecordTargetRole = "https://smartconformance.local/fhir-context-role/record-target";

    public static JsonArray For(EhrLaunchContext launch, FhirStore store)
    {
        var items = new JsonArray();
        foreach (var reference in launch.FhirContext)
        {
            items.Add(new JsonObject { ["reference"] = reference, ["type"] = reference.Split('/')[0] });
        }
        var related = store.All("Observation")
            .FirstOrDefault(o => FhirStore.CompartmentPatientId(o) == launch.PatientId && !launch.FhirContext.Contains($"Observation/{o.Id}"));
        if (related is not null)
        {
            items.Add(new JsonObject { ["reference"] = $"Observation/{related.Id}", ["type"] = "Observation", ["role"] = RelatedRole });
        }
        items.Add(new JsonObject { ["canonical"] = "https://smartconformance.local/fhir/Questionnaire/intake|1.0.0", ["type"] = "Questionnaire" });
        items.Add(new JsonObject
        {
            ["identifier"] = new JsonObject { ["system"] = "https://smartconformance.local/fhir/order-id", ["value"] = "ORD-0001" },
            ["type"] = "ServiceRequest",
            ["role"] = RelatedRole,
        });
        items.Add(new JsonObject { ["reference"] = $"Patient/{launch.PatientId}", ["type"] = "Patient", ["role"] = RecordTargetRole });
        return items;
    }
}
