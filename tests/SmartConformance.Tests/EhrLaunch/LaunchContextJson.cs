using System.Text.Json;

namespace SmartConformance.Tests.EhrLaunch;

/// <summary>Reads launch context fields from a token response without trusting their shape.</summary>
internal static class LaunchContextJson
{
    public static bool TryGetPropertyOf(this JsonElement json, string field, out JsonElement value)
    {
        value = default;
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field, out value);
    }

    public static string? String(JsonElement json, string field) =>
        json.TryGetPropertyOf(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The field as it came, for messages: its JSON text, or "missing".</summary>
    public static string Show(JsonElement json, string field)
    {
        if (!json.TryGetPropertyOf(field, out var value)) return "missing";
        var text = value.GetRawText();
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    /// <summary>
    /// The references in fhirContext, from objects' "reference" and from bare strings alike: whether the shape is right
    /// is TOK-10's question, whether the launched resources are there is EHR-02's.
    /// </summary>
    public static IReadOnlySet<string> References(JsonElement json)
    {
        var references = new HashSet<string>(StringComparer.Ordinal);
        if (!json.TryGetPropertyOf("fhirContext", out var items) || items.ValueKind != JsonValueKind.Array) return references;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) references.Add(item.GetString()!);
            else if (item.TryGetPropertyOf("reference", out var reference) && reference.ValueKind == JsonValueKind.String) references.Add(reference.GetString()!);
        }
        return references;
    }
}
