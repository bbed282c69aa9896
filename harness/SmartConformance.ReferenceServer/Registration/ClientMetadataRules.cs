namespace SmartConformance.ReferenceServer.Registration;

/// <summary>What the reference server accepts in a registration; each rule answers with the RFC 7591 §3.2.2 error code.</summary>
internal static class ClientMetadataRules
{
    private static readonly string[] AuthMethods = ["none", "client_secret_basic", "client_secret_post"];
    private static readonly string[] GrantTypes = ["authorization_code", "refresh_token"];

    /// <summary>Null when the metadata is acceptable, otherwise the error code and what is wrong.</summary>
    public static (string Error, string Description)? Problem(ClientMetadata metadata, RegistrationPolicy policy)
    {
        if (metadata.RedirectUris.Count == 0)
        {
            return (RegistrationErrors.InvalidRedirectUri, "redirect_uris is required: every client of this server uses the authorization code flow.");
        }
        if (policy.ValidateRedirectUris && metadata.RedirectUris.FirstOrDefault(uri => RedirectUriProblem(uri) is not null) is { } bad)
        {
            return (RegistrationErrors.InvalidRedirectUri, $"Redirect URI '{bad}': {RedirectUriProblem(bad)}");
        }
        if (!AuthMethods.Contains(metadata.TokenEndpointAuthMethod))
        {
            return (RegistrationErrors.InvalidClientMetadata, $"token_endpoint_auth_method must be one of {string.Join(", ", AuthMethods)}.");
        }
        if (metadata.GrantTypes.FirstOrDefault(g => !GrantTypes.Contains(g)) is { } grant)
        {
            return (RegistrationErrors.InvalidClientMetadata, $"grant_types: '{grant}' is not supported (only {string.Join(", ", GrantTypes)}).");
        }
        if (!metadata.GrantTypes.Contains("authorization_code") || metadata.ResponseTypes.Any(r => r != "code"))
        {
            return (RegistrationErrors.InvalidClientMetadata, "Clients register for the authorization_code grant with response_types ['code'].");
        }
        if (metadata.Scopes?.FirstOrDefault(s => !SeedData.Scopes.Contains(s)) is { } scope)
        {
            return (RegistrationErrors.InvalidClientMetadata, $"scope: '{scope}' is not a scope this server supports.");
        }
        return null;
    }

    // RFC 6749 §3.1.2: absolute, no fragment; §3.1.2.1 and RFC 8252 §7.3: TLS unless the app listens on loopback.
    private static string? RedirectUriProblem(string uri)
    {
        if (!uri.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed)) return "it is not an absolute URI.";
        if (parsed.Fragment.Length > 0 || uri.Contains('#')) return "it has a fragment.";
        if (parsed.Scheme == Uri.UriSchemeHttps) return null;
        if (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback) return null;
        return "it must use https (plain http only on a loopback address).";
    }
}
