using Duende.IdentityModel.Client;

namespace SmartConformance.Harness.Smart;

/// <summary>The parameters of a SMART authorization request (SMART App Launch 2.x "Obtain authorization code").</summary>
public sealed record AuthorizeRequest
{
    public required Uri AuthorizationEndpoint { get; init; }
    public required string ClientId { get; init; }
    public required string RedirectUri { get; init; }
    public required string Scope { get; init; }
    public required string State { get; init; }
    public required string Aud { get; init; }
    public Pkce? Pkce { get; init; }
    public string? Launch { get; init; }
    public string? Nonce { get; init; }
    public string ResponseType { get; init; } = "code";

    public Uri ToUrl()
    {
        var extra = new Parameters { { "aud", Aud } };
        if (Launch is not null) extra.Add("launch", Launch);
        var url = new RequestUrl(AuthorizationEndpoint.ToString()).CreateAuthorizeUrl(
            clientId: ClientId, responseType: ResponseType, scope: Scope, redirectUri: RedirectUri, state: State,
            nonce: Nonce, codeChallenge: Pkce?.Challenge, codeChallengeMethod: Pkce?.Method, extra: extra);
        return new Uri(url);
    }
}
