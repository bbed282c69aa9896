using System.Text.Json.Nodes;

namespace SmartConformance.Harness.Profiles;

internal static class JsonPath
{
    /// <summary>"$.clients[1].clientSecret" for a node inside a parsed document.</summary>
    public static string Of(JsonNode node) => node.GetPath();

    /// <summary>Turns NJsonSchema's "#/clients[0].clientId" (or "#/clients/0/clientId") into "$.clients[0].clientId".</summary>
    public static string FromSchemaPath(string? schemaPath, string? property)
    {
        var path = (schemaPath ?? "#").TrimStart('#').Trim('/').Replace('/', '.');
        path = System.Text.RegularExpressions.Regex.Replace(path, @"\.(\d+)(?=\.|$)", "[$1]");
        var full = path.Length == 0 ? "$" : "$." + path;
        if (!string.IsNullOrEmpty(property) && !full.EndsWith(property, StringComparison.Ordinal))
            full += "." + property;
        return full;
    }
}
