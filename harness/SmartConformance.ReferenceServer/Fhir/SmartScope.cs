namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>
/// A SMART clinical scope: <c>{patient|user|system}/{Type|*}.{permissions}</c>, with v1 permissions
/// (<c>read</c>, <c>write</c>, <c>*</c>) or v2 ones (an ordered subset of <c>cruds</c>).
/// A v2 query suffix (<c>?category=...</c>) is ignored for now.
/// </summary>
internal sealed record SmartScope(string Context, string ResourceType, bool CanRead, bool CanSearch)
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
        var permissions = scope[(dot + 1)..].Split('?')[0];
        if (context is not ("patient" or "user" or "system") || type.Length == 0)
        {
            return null;
        }

        return permissions switch
        {
            "read" or "*" => new SmartScope(context, type, CanRead: true, CanSearch: true),
            "write" => new SmartScope(context, type, CanRead: false, CanSearch: false),
            _ when IsV2Permissions(permissions) =>
                new SmartScope(context, type, permissions.Contains('r'), permissions.Contains('s')),
            _ => null,
        };
    }

    public bool IsPatientLevel => Context == "patient";

    public bool Grants(FhirInteraction interaction, string resourceType) =>
        (ResourceType == "*" || ResourceType == resourceType) &&
        (interaction == FhirInteraction.Read ? CanRead : CanSearch);

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
