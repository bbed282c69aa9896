using SmartConformance.ReferenceServer.Fhir;

namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>
/// The consent page's "only this category" choices: a resource-level scope on a type with categories
/// (<c>patient/Observation.rs</c>) can be narrowed by the user to a granular one
/// (<c>patient/Observation.rs?category=system|code</c>), one choice per category the server holds for that type.
/// </summary>
internal static class ConsentNarrowing
{
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Scope, string Label)>> Choices(FhirStore store, IEnumerable<string> scopes) =>
        scopes.Distinct(StringComparer.Ordinal)
            .Select(scope => (scope, parsed: SmartScope.TryParse(scope)))
            .Where(s => s.parsed is { Category: null, ResourceType: "Observation" or "Condition" })
            .Select(s => (s.scope, choices: CategoriesOf(store, s.parsed!.ResourceType)
                .Select(c => ($"{s.scope}?category={c.System}|{c.Code}", c.Code)).ToList()))
            .Where(s => s.choices.Count > 0)
            .ToDictionary(s => s.scope, s => (IReadOnlyList<(string, string)>)s.choices, StringComparer.Ordinal);

    /// <summary>The scopes with each narrowing the user chose (and the page offered) in place of the scope it narrows.</summary>
    public static IReadOnlyList<string> Apply(FhirStore store, IReadOnlyList<string> scopes, IReadOnlySet<string> chosen)
    {
        var offered = Choices(store, scopes);
        var narrowed = offered
            .Select(o => (o.Key, picked: o.Value.Select(c => c.Scope).Where(chosen.Contains).ToList()))
            .Where(o => o.picked.Count > 0)
            .ToDictionary(o => o.Key, o => o.picked, StringComparer.Ordinal);
        return [.. scopes.SelectMany(scope => narrowed.TryGetValue(scope, out var picked) ? picked : [scope])];
    }

    private static IEnumerable<(string System, string Code)> CategoriesOf(FhirStore store, string type) => store.All(type)
        .SelectMany(resource => resource switch
        {
            Hl7.Fhir.Model.Observation o => o.Category.SelectMany(c => c.Coding),
            Hl7.Fhir.Model.Condition c => c.Category.SelectMany(x => x.Coding),
            _ => [],
        })
        .Where(coding => !string.IsNullOrEmpty(coding.System) && !string.IsNullOrEmpty(coding.Code))
        .Select(coding => (System: coding.System!, Code: coding.Code!))
        .Distinct()
        .OrderBy(c => c.Code, StringComparer.Ordinal);
}
