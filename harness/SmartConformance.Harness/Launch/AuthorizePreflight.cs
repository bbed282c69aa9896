using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;
using SmartConformance.Harness.Redirect;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// A GET of the authorize URL without a browser or a session. A server that refuses a request before any login answers
/// it at once, with a redirect to the app or an error page; anything else (a login page) needs the browser.
/// </summary>
internal static class AuthorizePreflight
{
    public sealed record Answer(HttpExchange? Exchange, RedirectCapture? Redirect, int? ErrorPageStatus)
    {
        public bool Decided => Redirect is not null || ErrorPageStatus is not null;
    }

    /// <param name="form">When given, the request is sent as a form POST of these fields to <paramref name="authorizeUrl"/>.</param>
    public static async Task<Answer> RunAsync(HttpClient http, Uri authorizeUrl, Uri redirectUri, string name, CancellationToken ct,
        IReadOnlyList<KeyValuePair<string, string>>? form = null)
    {
        using var naming = ExchangeNaming.Begin(name);
        try
        {
            using var request = SuiteHttp.Request(form is null ? HttpMethod.Get : HttpMethod.Post, authorizeUrl, name, "text/html");
            if (form is not null) request.Content = new FormUrlEncodedContent(form);
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? location : new Uri(authorizeUrl, location);
                return IsRedirectUri(target, redirectUri)
                    ? new Answer(naming.Captured, new RedirectCapture(target, DateTimeOffset.UtcNow), null)
                    : new Answer(naming.Captured, null, null);
            }
            return new Answer(naming.Captured, null, status >= 400 ? status : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // Undecided: the browser will show what the server does.
            return new Answer(naming.Captured, null, null);
        }
    }

    private static bool IsRedirectUri(Uri target, Uri redirectUri) =>
        Uri.Compare(target, redirectUri, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
