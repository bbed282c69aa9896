using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>
/// The <c>_include</c> and <c>_revinclude</c> the server understands: <c>{Observation|Condition|Encounter}:{subject|patient}</c>,
/// which link a clinical resource and its Patient. Anything else is ignored, as FHIR lets a server do.
/// </summary>
internal static class SearchIncludes
{
    private static readonly HashSet<string> ClinicalTypes = new(StringComparer.Ordinal) { "Observation", "Condition", "Encounter" };

    /// <summary>The resources the parameters pull in for the matches, before any access decision.</summary>
    public static IEnumerable<Resource> For(IQueryCollection query, string type, IReadOnlyCollection<Resource> matches, FhirStore store)
    {
        var found = new List<Resource>();
        foreach (var include in Values(query, "_include"))
        {
            if (Parse(include) is { } source && source == type)
            {
                found.AddRange(matches.Select(FhirStore.CompartmentPatientId).OfType<string>().Distinct()
                    .Select(id => store.Read("Patient", id)).OfType<Resource>());
            }
        }
        foreach (var revinclude in Values(query, "_revinclude"))
        {
            if (Parse(revinclude) is { } source && type == "Patient")
            {
                var patients = matches.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
                found.AddRange(store.All(source).Where(r => FhirStore.CompartmentPatientId(r) is { } id && patients.Contains(id)));
            }
        }
        var matched = matches.Select(Key).ToHashSet();
        return found.DistinctBy(Key).Where(r => !matched.Contains(Key(r)));
    }

    // "Observation:subject" or "Observation:patient" (optionally ":Patient" targeted) gives "Observation".
    private static string? Parse(string value)
    {
        var parts = value.Split(':');
        return parts.Length is 2 or 3 && ClinicalTypes.Contains(parts[0]) && parts[1] is "subject" or "patient" &&
               (parts.Length == 2 || parts[2] == "Patient")
            ? parts[0]
            : null;
    }

    private static (string, string?) Key(Resource resource) => (resource.TypeName, resource.Id);

    private static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.OfType<string>() : [];
}
