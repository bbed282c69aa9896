using System.Text.Json;

namespace SmartConformance.ReferenceServer.Registration;

/// <summary>
/// The RFC 7591 §2 client metadata the reference server understands, read from a registration request, with the
/// defaults §2 gives (token_endpoint_auth_method client_secret_basic, grant_types authorization_code).
/// </summary>
internal sealed record ClientMetadata(
    IReadOnlyList<string> RedirectUris,
    string TokenEndpointAuthMethod,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> ResponseTypes,
    IReadOnlyList<string>? Scopes,
    string? ClientName)
{
    public bool IsPublic => TokenEndpointAuthMethod == "none";

    /// <summary>The metadata, or the RFC 7591 §3.2.2 error code and a description of what is wrong.</summary>
    public static (ClientMetadata? Metadata, string? Error, string? Description) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, RegistrationErrors.InvalidClientMetadata, "The registration request is not a JSON object.");
        }

        var redirectUris = Strings(body, "redirect_uris");
        var grantTypes = Strings(body, "grant_types");
        var responseTypes = Strings(body, "response_types");
        if (redirectUris is { Problem: { } r }) return (null, RegistrationErrors.InvalidRedirectUri, r);
        if (grantTypes is { Problem: { } g }) return (null, RegistrationErrors.InvalidClientMetadata, g);
        if (responseTypes is { Problem: { } t }) return (null, RegistrationErrors.InvalidClientMetadata, t);

        var method = Text(body, "token_endpoint_auth_method") ?? "client_secret_basic";
        var scope = Text(body, "scope");
        return (new ClientMetadata(
            redirectUris?.Values ?? [],
            method,
            grantTypes?.Values ?? ["authorization_code"],
            responseTypes?.Values ?? ["code"],
            scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Text(body, "client_name")), null, null);
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static StringList? Strings(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return new StringList([], $"{name} must be an array of strings.");
        }
        return new StringList(value.EnumerateArray().Select(v => v.GetString()!).ToList(), null);
    }

    private sealed record StringList(IReadOnlyList<string> Values, string? Problem);
}

internal static class RegistrationErrors
{
    public const string InvalidRedirectUri = "invalid_redirect_uri";
    public const string InvalidClientMetadata = "invalid_client_metadata";
}
