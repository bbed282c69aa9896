using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>A FHIR token for <c>category</c>: "code" or "system|code", matched against a resource's categories.</summary>
internal static class CategoryToken
{
    public static bool Matches(Resource resource, string token) => CategoriesOf(resource).Any(coding => Matches(coding, token));

    private static bool Matches(Coding coding, string token)
    {
        var bar = token.IndexOf('|');
        return bar < 0
            ? coding.Code == token
            : coding.System == token[..bar] && coding.Code == token[(bar + 1)..];
    }

    private static IEnumerable<Coding> CategoriesOf(Resource resource) => resource switch
    {
        Observation observation => observation.Category.SelectMany(c => c.Coding),
        Condition condition => condition.Category.SelectMany(c => c.Coding),
        _ => [],
    };
}
