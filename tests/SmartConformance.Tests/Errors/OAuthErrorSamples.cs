using System.Text.Json;
using System.Web;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Redirect;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Tests.Errors;

/// <summary>One OAuth error answer: where it came from, its error code and its optional error_description / error_uri.</summary>
internal sealed record OAuthErrorSample(string What, string Error, JsonElement? Description, JsonElement? Uri, HttpExchange? Exchange)
{
    /// <summary>
    /// The error in a JSON body (token, introspection, revocation, registration answers): an object with a string "error",
    /// with a 4xx or 5xx status. Null for anything else, so the caller can feed it every recorded exchange.
    /// </summary>
    public static OAuthErrorSample? FromJsonBody(string what, HttpExchange exchange)
    {
        if (exchange.Status is not >= 400 || string.IsNullOrWhiteSpace(exchange.ResponseBody) || exchange.ResponseBodyTruncated) return null;
        try
        {
            using var document = JsonDocument.Parse(exchange.ResponseBody);
            var root = document.RootElement;
            if (OAuthJsonBody.Error(root) is not { } error) return null;
            return new OAuthErrorSample(what, error, OAuthJsonBody.Member(root, "error_description")?.Clone(), OAuthJsonBody.Member(root, "error_uri")?.Clone(), exchange);
        }
        catch (JsonException) { return null; }
    }

    /// <summary>The error of an authorization error redirect (its query, already URL-decoded).</summary>
    public static OAuthErrorSample? FromRedirect(string what, RedirectCapture redirect, HttpExchange? exchange) =>
        redirect.Error is not { } error ? null
            : new OAuthErrorSample(what, error, AsJson(redirect.ErrorDescription), AsJson(redirect.ErrorUri), exchange);

    /// <summary>A 3xx whose Location sends an error to the app's redirect URI, as the browser or a preflight saw it.</summary>
    public static OAuthErrorSample? FromLocation(string what, HttpExchange exchange, Uri redirectUri)
    {
        if (exchange.Status is not (>= 300 and < 400) || exchange.ResponseHeader("Location") is not { } location) return null;
        if (!System.Uri.TryCreate(exchange.Url, location, out var target) ||
            !target.GetLeftPart(UriPartial.Authority).Equals(redirectUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)) return null;
        var query = HttpUtility.ParseQueryString(target.Query);
        return query["error"] is not { } error ? null
            : new OAuthErrorSample(what, error, AsJson(query["error_description"]), AsJson(query["error_uri"]), exchange);
    }

    private static JsonElement? AsJson(string? value) => value is null ? null : JsonSerializer.SerializeToElement(value);
}
