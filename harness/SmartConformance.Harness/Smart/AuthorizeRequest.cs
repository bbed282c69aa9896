using System.Web;
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

    /// <summary>Parameters replaced after the request is built, for negative tests; a null value leaves the parameter out.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    public Uri ToUrl()
    {
        var extra = new Parameters { { "aud", Aud } };
        if (Launch is not null) extra.Add("launch", Launch);
        var url = new RequestUrl(AuthorizationEndpoint.ToString()).CreateAuthorizeUrl(
            clientId: ClientId, responseType: ResponseType, scope: Scope, redirectUri: RedirectUri, state: State,
            nonce: Nonce, codeChallenge: Pkce?.Challenge, codeChallengeMethod: Pkce?.Method, extra: extra);
        if (Overrides.Count == 0) return new Uri(url);
        var query = string.Join("&", ToParameters(new Uri(url)).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(url.Split('?', 2)[0] + "?" + query);
    }

    /// <summary>The request's parameters as name/value pairs, for sending it as a form POST.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToParameters() => ToParameters(ToUrl());

    private IReadOnlyList<KeyValuePair<string, string>> ToParameters(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        var pairs = query.AllKeys.OfType<string>()
            .Where(k => !Overrides.ContainsKey(k))
            .SelectMany(k => (query.GetValues(k) ?? []).Select(v => KeyValuePair.Create(k, v)))
            .ToList();
        pairs.AddRange(Overrides.Where(o => o.Value is not null).Select(o => KeyValuePair.Create(o.Key, o.Value!)));
        return pairs;
    }
}
