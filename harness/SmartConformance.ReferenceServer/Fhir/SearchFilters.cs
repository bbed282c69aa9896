using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>The search parameters the server understands: <c>patient</c> (or <c>subject</c>) and <c>category</c>. Others are ignored.</summary>
internal sealed record SearchFilters(string? PatientId, string? Category)
{
    public static SearchFilters From(IQueryCollection query) => new(
        FhirStore.PatientId(Single(query, "patient") ?? Single(query, "subject")),
        Single(query, "category"));

    public bool Matches(Resource resource) =>
        (PatientId is null || FhirStore.CompartmentPatientId(resource) == PatientId) &&
        (Category is null || CategoriesOf(resource).Any(MatchesCategory));

    // A token is "code" or "system|code".
    private bool MatchesCategory(Coding coding)
    {
        var bar = Category!.IndexOf('|');
        return bar < 0
            ? coding.Code == Category
            : coding.System == Category[..bar] && coding.Code == Category[(bar + 1)..];
    }

    private static IEnumerable<Coding> CategoriesOf(Resource resource) => resource switch
    {
        Observation observation => observation.Category.SelectMany(c => c.Coding),
        Condition condition => condition.Category.SelectMany(c => c.Coding),
        _ => [],
    };

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
