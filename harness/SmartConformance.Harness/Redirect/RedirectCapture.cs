using System.Web;

namespace SmartConformance.Harness.Redirect;

/// <summary>What arrived at the redirect URI: the authorization response (RFC 6749 §4.1.2 / §4.1.2.1).</summary>
public sealed record RedirectCapture(Uri Url, DateTimeOffset ArrivedAt)
{
    private readonly System.Collections.Specialized.NameValueCollection _query = HttpUtility.ParseQueryString(Url.Query);

    public string? Code => _query["code"];
    public string? State => _query["state"];
    public string? Error => _query["error"];
    public string? ErrorDescription => _query["error_description"];
    public string? ErrorUri => _query["error_uri"];
    public IReadOnlyList<string> ParameterNames => _query.AllKeys.Where(k => k is not null).Select(k => k!).ToList();
}
