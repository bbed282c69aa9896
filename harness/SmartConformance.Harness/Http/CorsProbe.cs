using SmartConformance.Harness.Evidence;

namespace SmartConformance.Harness.Http;

/// <summary>
/// What a browser sends cross-origin: a CORS preflight (OPTIONS with Access-Control-Request-Method) and the request
/// itself with an Origin header. The recorded exchange is the whole result; headers are judged by the checks.
/// </summary>
public static class CorsProbe
{
    public static Task<HttpExchange?> PreflightAsync(HttpClient http, Uri url, string origin, string method, string name, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Options, url, name, new Dictionary<string, string>
        {
            ["Origin"] = origin,
            ["Access-Control-Request-Method"] = method,
            ["Access-Control-Request-Headers"] = "content-type",
        }, content: null, ct);

    /// <summary>A form POST as a browser app on <paramref name="origin"/> would send it.</summary>
    public static Task<HttpExchange?> FormPostAsync(HttpClient http, Uri url, string origin, IEnumerable<KeyValuePair<string, string>> fields, string name, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Post, url, name, new Dictionary<string, string> { ["Origin"] = origin, ["Accept"] = "application/json" },
            new FormUrlEncodedContent(fields), ct);

    private static async Task<HttpExchange?> SendAsync(HttpClient http, HttpMethod method, Uri url, string name,
        IReadOnlyDictionary<string, string> headers, HttpContent? content, CancellationToken ct)
    {
        using var naming = ExchangeNaming.Begin(name);
        using var request = SuiteHttp.Request(method, url, name);
        foreach (var (header, value) in headers)
            request.Headers.TryAddWithoutValidation(header, value);
        request.Content = content;
        try
        {
            using var response = await http.SendAsync(request, ct);
            await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The recorder kept the error on the exchange.
        }
        return naming.Captured;
    }
}
