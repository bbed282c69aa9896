using System.Text.Json;

namespace SmartConformance.Harness.Smart;

/// <summary>
/// Reads members of an OAuth endpoint's JSON answer (token, introspection, revocation, registration): the one reader
/// every check uses, so a body that is not an object, or a member of the wrong type, reads as absent everywhere alike.
/// </summary>
public static class OAuthJsonBody
{
    /// <summary>A member of the body when it is a JSON object that has it; null otherwise.</summary>
    public static JsonElement? Member(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A string member of the body, or null when the body is no object, lacks it, or it is not a string.</summary>
    public static string? StringMember(JsonElement? body, string name) =>
        Member(body, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The OAuth "error" code (RFC 6749 §5.2), or null when there is none.</summary>
    public static string? Error(JsonElement? body) => StringMember(body, "error");
}
