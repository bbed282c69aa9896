using System.Text.Json;

namespace SmartConformance.Harness.Smart;

/// <summary>A read-only view of a parsed .well-known/smart-configuration document that never throws on odd shapes.</summary>
public sealed class SmartConfiguration(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public bool Has(string field) => Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty(field, out _);

    public string? String(string field) =>
        Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    /// <summary>The field as a list of strings, or null when it is missing or not an array of strings.</summary>
    public IReadOnlyList<string>? Strings(string field)
    {
        if (Root.ValueKind != JsonValueKind.Object || !Root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.Array)
            return null;
        var items = value.EnumerateArray().ToList();
        return items.All(i => i.ValueKind == JsonValueKind.String) ? items.Select(i => i.GetString()!).ToList() : null;
    }

    public Uri? Url(string field) => Uri.TryCreate(String(field), UriKind.Absolute, out var uri) ? uri : null;

    public Uri? AuthorizationEndpoint => Url("authorization_endpoint");
    public Uri? TokenEndpoint => Url("token_endpoint");
    public Uri? RegistrationEndpoint => Url("registration_endpoint");
    public IReadOnlyList<string> Capabilities => Strings("capabilities") ?? [];
}
