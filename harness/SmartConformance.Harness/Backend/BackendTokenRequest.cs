using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Backend;

/// <summary>A client_credentials token request (SMART Backend Services), authenticated by a client assertion; form fields can be altered.</summary>
public static class BackendTokenRequest
{
    public static Task<OAuthFormResponse> SendAsync(HttpClient http, Uri tokenEndpoint, string name, string scope, string? assertion,
        CancellationToken ct, string grantType = "client_credentials", string assertionType = ClientAssertion.JwtBearerType)
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", grantType), new("scope", scope), new("client_assertion_type", assertionType) };
        if (assertion is not null) fields.Add(new("client_assertion", assertion));
        return OAuthFormPost.SendAsync(http, tokenEndpoint, name, fields, client: null, ct);
    }
}
