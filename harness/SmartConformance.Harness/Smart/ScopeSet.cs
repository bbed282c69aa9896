namespace SmartConformance.Harness.Smart;

/// <summary>
/// A space-separated scope string compared by meaning, not by spelling: SMART v1 <c>.read</c> is v2 <c>.rs</c>,
/// <c>.rs</c> is <c>.r</c> plus <c>.s</c>, and <c>patient/*.rs</c> covers <c>patient/Observation.r</c>.
/// Scopes that are not resource scopes (openid, launch/patient, offline_access...) match only themselves.
/// </summary>
public sealed class ScopeSet
{
    private readonly List<ResourceScope> _resources = [];
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    private ScopeSet(IReadOnlyList<string> scopes)
    {
        Scopes = scopes;
        foreach (var scope in scopes)
        {
            if (ResourceScope.TryParse(scope) is { } resource) _resources.Add(resource);
            else _others.Add(scope);
        }
    }

    public IReadOnlyList<string> Scopes { get; }

    public static ScopeSet Parse(string? scope) =>
        new((scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList());

    public bool Contains(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>True when this set grants at least everything <paramref name="scope"/> grants.</summary>
    public bool Covers(string scope) => ResourceScope.TryParse(scope) is { } resource
        ? resource.Permissions.All(p => _resources.Any(r => r.Grants(resource, p)))
        : _others.Contains(scope);

    /// <summary>The scopes of this set that <paramref name="other"/> does not cover: what this grants beyond it.</summary>
    public IReadOnlyList<string> Beyond(ScopeSet other) => Scopes.Where(s => !other.Covers(s)).ToList();

    public override string ToString() => string.Join(' ', Scopes);

    private sealed record ResourceScope(string Context, string Type, string Permissions, string? Query)
    {
        public static ResourceScope? TryParse(string scope)
        {
            var query = scope.IndexOf('?');
            var body = query < 0 ? scope : scope[..query];
            var slash = body.IndexOf('/');
            var dot = body.LastIndexOf('.');
            if (slash <= 0 || dot <= slash + 1 || body[..slash] is not ("patient" or "user" or "system")) return null;
            var permissions = body[(dot + 1)..] switch
            {
                "read" => "rs",
                "write" => "cud",
                "*" => "cruds",
                var v2 when IsV2(v2) => v2,
                _ => null,
            };
            return permissions is null ? null : new ResourceScope(body[..slash], body[(slash + 1)..dot], permissions, query < 0 ? null : scope[(query + 1)..]);
        }

        public bool Grants(ResourceScope wanted, char permission) =>
            Context == wanted.Context && (Type == "*" || Type == wanted.Type) && Permissions.Contains(permission) &&
            (Query is null || Query == wanted.Query);

        // v2 permissions are letters of "cruds", each at most once, in that order.
        private static bool IsV2(string permissions)
        {
            var position = 0;
            foreach (var letter in permissions)
            {
                var index = "cruds".IndexOf(letter, position);
                if (index < 0) return false;
                position = index + 1;
            }
            return permissions.Length > 0;
        }
    }
}
