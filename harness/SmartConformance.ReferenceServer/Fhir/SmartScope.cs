namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>
/// A SMART clinical scope: <c>{patient|user|system}/{Type|*}.{permissions}[?category=token]</c>, with v1 permissions
/// (<c>read</c>, <c>write</c>, <c>*</c>) or v2 ones (an ordered subset of <c>cruds</c>). v1 permissions are kept as
/// their v2 letters. The only search-parameter constraint understood is <c>category</c>; a scope constrained by any
/// other parameter is not honoured at all, so it can never grant more than it says.
/// </summary>
internal sealed record SmartScope(string Context, string ResourceType, string Permissions, string? Category, bool IsV1 = false)
{
    public static SmartScope? TryParse(string scope)
    {
        var slash = scope.IndexOf('/');
        var dot = scope.IndexOf('.', slash + 1);
        if (slash <= 0 || dot < 0)
        {
            return null;
        }

        var context = scope[..slash];
        var type = scope[(slash + 1)..dot];
        var rest = scope[(dot + 1)..];
        var question = rest.IndexOf('?');
        var permissions = question < 0 ? rest : rest[..question];
        if (context is not ("patient" or "user" or "system") || type.Length == 0)
        {
            return null;
        }

        var letters = permissions switch
        {
            "read" => "rs",
            "write" => "cud",
            "*" => "cruds",
            _ when IsV2Permissions(permissions) => permissions,
            _ => null,
        };
        if (letters is null)
        {
            return null;
        }
        var v1 = permissions is "read" or "write" or "*";
        if (question < 0)
        {
            return new SmartScope(context, type, letters, Category: null, v1);
        }

        var constraint = rest[(question + 1)..];
        const string prefix = "category=";
        return constraint.StartsWith(prefix, StringComparison.Ordinal) && !constraint.Contains('&') && constraint.Length > prefix.Length
            ? new SmartScope(context, type, letters, Uri.UnescapeDataString(constraint[prefix.Length..]), v1)
            : null;
    }

    public bool IsPatientLevel => Context == "patient";

    public bool Allows(FhirInteraction interaction) => Permissions.Contains(Letter(interaction));

    public bool Covers(string resourceType) => ResourceType == "*" || ResourceType == resourceType;

    public bool IsUserLevel => Context == "user";

    private static char Letter(FhirInteraction interaction) => interaction switch
    {
        FhirInteraction.Create => 'c',
        FhirInteraction.Read => 'r',
        FhirInteraction.Update => 'u',
        FhirInteraction.Delete => 'd',
        _ => 's',
    };

    // v2 permissions are letters of "cruds", each at most once, in that order.
    private static bool IsV2Permissions(string permissions)
    {
        var position = 0;
        foreach (var letter in permissions)
        {
            var index = "cruds".IndexOf(letter, position);
            if (index < 0)
            {
                return false;
            }
            position = index + 1;
        }
        return permissions.Length > 0;
    }
}
