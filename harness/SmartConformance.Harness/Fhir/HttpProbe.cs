using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;

namespace SmartConformance.Harness.Fhir;

/// <summary>A recorded GET with chosen headers (Accept, Origin, Authorization); the exchange is the whole result.</summary>
public static class HttpProbe
{
    /// <summary>The exchange, or null when nothing was recorded; a failed connection is an exchange with an Error.</summary>
    public static async Task<HttpExchange?> GetAsync(HttpClient http, Uri url, string name, IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        using var naming = ExchangeNaming.Begin(name);
        using var request = SuiteHttp.Request(HttpMethod.Get, url, name);
        foreach (var (header, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(header, value);
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

    /// <summary><c>{baseUrl}/{relative}</c> whether or not the base ends with a slash.</summary>
    public static Uri Under(Uri baseUrl, string relative) => new(baseUrl.ToString().TrimEnd('/') + "/" + relative.TrimStart('/'));
}
