using System.Buffers.Text;
using System.Text.Json;

namespace SmartConformance.Tests.Introspection;

/// <summary>Reads a JWT's claims without validating it (the id_token's signature is judged by other checks).</summary>
internal static class JwtPayload
{
    public static JsonElement? Read(string? jwt)
    {
        if (jwt?.Split('.') is not [_, var payload, _]) return null;
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException) { return null; }
    }
}
