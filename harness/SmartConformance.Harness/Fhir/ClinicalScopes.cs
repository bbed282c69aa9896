namespace SmartConformance.Harness.Fhir;

/// <summary>
/// What a granted SMART scope string lets a client read, by meaning: v1 (<c>.read</c>, <c>.*</c>) and v2
/// (<c>.rs</c>, <c>.r</c>...) forms, <c>patient/</c>, <c>user/</c> or <c>system/</c>, with or without a
/// <c>?param=</c> constraint.
/// </summary>
public sealed class ClinicalScopes(string? granted)
{
    private readonly IReadOnlyList<(string Type, string Permissions, string? Constraint)> _scopes = Parse(granted);

    /// <summary>True when some scope reads the type (a constrained scope counts: it reads part of it).</summary>
    public bool Reads(string resourceType) =>
        _scopes.Any(s => (s.Type == "*" || s.Type == resourceType) && (s.Permissions.Contains('r') || s.Permissions.Contains('s')));

    /// <summary>True when some scope creates or updates the type.</summary>
    public bool Writes(string resourceType) =>
        _scopes.Any(s => (s.Type == "*" || s.Type == resourceType) && (s.Permissions.Contains('c') || s.Permissions.Contains('u')));

    /// <summary>The constraints (e.g. "category=system|code") of the scopes on the type; empty when any scope is unconstrained.</summary>
    public IReadOnlyList<string> ConstraintsOn(string resourceType)
    {
        var onType = _scopes.Where(s => s.Type == "*" || s.Type == resourceType).ToList();
        return onType.Any(s => s.Constraint is null) ? [] : onType.Select(s => s.Constraint!).ToList();
    }

    private static List<(string, string, string?)> Parse(string? granted)
    {
        var result = new List<(string, string, string?)>();
        foreach (var scope in (granted ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = scope.IndexOf('/');
            var dot = scope.IndexOf('.', slash + 1);
            if (slash <= 0 || dot < 0 || scope[..slash] is not ("patient" or "user" or "system")) continue;
            var rest = scope[(dot + 1)..];
            var question = rest.IndexOf('?');
            var permissions = question < 0 ? rest : rest[..question];
            var letters = permissions switch { "read" => "rs", "write" => "cud", "*" => "cruds", _ => permissions };
            result.Add((scope[(slash + 1)..dot], letters, question < 0 ? null : Uri.UnescapeDataString(rest[(question + 1)..])));
        }
        return result;
    }
}
