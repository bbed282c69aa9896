using Duende.IdentityModel.Client;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Profiles;

namespace SmartConformance.Harness.Smart;

/// <summary>
/// Token endpoint calls on Duende.IdentityModel. Protocol errors come back as values (never exceptions),
/// because conformance checks often want the error itself.
/// </summary>
public sealed class TokenClient(HttpClient http)
{
    public async Task<TokenCall> ExchangeCodeAsync(Uri tokenEndpoint, ClientProfile client, string code, string redirectUri, string? codeVerifier, CancellationToken ct)
    {
        var request = new AuthorizationCodeTokenRequest
        {
            Address = tokenEndpoint.ToString(), Code = code, RedirectUri = redirectUri, CodeVerifier = codeVerifier,
        };
        Authenticate(request, client);
        return await SendAsync("token", () => http.RequestAuthorizationCodeTokenAsync(request, ct));
    }

    /// <param name="name">The exchange's name in the evidence ("refresh" unless the caller says what the refresh is for).</param>
    public async Task<TokenCall> RefreshAsync(Uri tokenEndpoint, ClientProfile client, string refreshToken, string? scope, CancellationToken ct,
        string name = "refresh")
    {
        var request = new RefreshTokenRequest { Address = tokenEndpoint.ToString(), RefreshToken = refreshToken, Scope = scope };
        Authenticate(request, client);
        return await SendAsync(name, () => http.RequestRefreshTokenAsync(request, ct));
    }

    private static void Authenticate(ProtocolRequest request, ClientProfile client)
    {
        request.ClientId = client.ClientId;
        request.ClientSecret = client.ClientSecret;
        request.ClientCredentialStyle = client.Authentication == "client_secret_basic"
            ? ClientCredentialStyle.AuthorizationHeader
            : ClientCredentialStyle.PostBody;
    }

    private async Task<TokenCall> SendAsync(string name, Func<Task<TokenResponse>> send)
    {
        using var naming = ExchangeNaming.Begin(name);
        var sentAt = DateTimeOffset.UtcNow;
        var response = await send();
        return new TokenCall(response, naming.Captured) { SentAt = sentAt };
    }
}

/// <summary>A token endpoint response together with the recorded exchange behind it.</summary>
public sealed record TokenCall(TokenResponse Response, HttpExchange? Exchange)
{
    /// <summary>When the request left: a token's expires_in counts from no earlier than this.</summary>
    public DateTimeOffset SentAt { get; init; } = DateTimeOffset.UtcNow;
}
