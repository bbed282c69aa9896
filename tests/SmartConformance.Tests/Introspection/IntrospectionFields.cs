using System.Text.Json;

namespace SmartConformance.Tests.Introspection;

/// <summary>Reads an introspection response against the token response it describes, for INT-01 and INT-06.</summary>
internal static class IntrospectionFields
{
    /// <summary>
    /// What is wrong with the fields every active token's introspection carries (SMART Token Introspection, required
    /// fields): active true, scope as granted, the client_id the token was issued to, exp as an integer timestamp.
    /// </summary>
    public static List<string> RequiredProblems(JsonElement json, JsonElement tokenResponse, string issuedTo)
    {
        var problems = new List<string>();
        if (!json.TryGetProperty("active", out var active) || active.ValueKind != JsonValueKind.True)
            problems.Add($"active is {Show(json, "active")}, expected true for a token just issued");
        if (String(json, "scope") is not { } scope) problems.Add($"scope is {Show(json, "scope")}, expected the granted scopes as a string");
        else if (!Words(scope).SetEquals(Words(String(tokenResponse, "scope"))))
            problems.Add($"scope is \"{scope}\", but the token response granted \"{String(tokenResponse, "scope")}\"");
        if (String(json, "client_id") != issuedTo) problems.Add($"client_id is {Show(json, "client_id")}, expected \"{issuedTo}\"");
        if (!json.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out _))
            problems.Add($"exp is {Show(json, "exp")}, expected an integer timestamp");
        return problems;
    }

    public static string? String(JsonElement json, string field) =>
        json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The member as JSON, or "missing", for a failure message.</summary>
    public static string Show(JsonElement json, string field) =>
        json.TryGetProperty(field, out var value) ? value.GetRawText() : "missing";

    private static HashSet<string> Words(string? text) => new((text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
