using System.Text.Json;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;

namespace SmartConformance.Harness.Smart;

/// <summary>The outcome of GET {fhirBase}/.well-known/smart-configuration: the exchange, and the document when it parsed.</summary>
public sealed record DiscoveryFetch(HttpExchange? Exchange, SmartConfiguration? Configuration, string? Problem)
{
    public static async Task<DiscoveryFetch> RunAsync(HttpClient http, Uri fhirBase, string accept, CancellationToken ct)
    {
        var url = new Uri(fhirBase.ToString().TrimEnd('/') + "/.well-known/smart-configuration");
        using var naming = ExchangeNaming.Begin("smart-configuration");
        try
        {
            using var request = SuiteHttp.Request(HttpMethod.Get, url, "smart-configuration", accept);
            request.Options.Set(SuiteHttp.FollowRedirects, true);
            using var response = await http.SendAsync(request, ct);
            var exchange = naming.Captured;
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                return new DiscoveryFetch(exchange, null, $"the server answered {(int)response.StatusCode} instead of 200");
            if (string.IsNullOrWhiteSpace(body))
                return new DiscoveryFetch(exchange, null, $"the server answered {(int)response.StatusCode} with an empty body");
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    return new DiscoveryFetch(exchange, null, $"the body is JSON but a {document.RootElement.ValueKind}, not an object");
                return new DiscoveryFetch(exchange, new SmartConfiguration(document.RootElement.Clone()), null);
            }
            catch (JsonException ex)
            {
                var cut = exchange?.ResponseBodyTruncated == true ? " (the body was cut at the size limit)" : "";
                return new DiscoveryFetch(exchange, null, $"the body is not JSON{cut}: {ex.Message}");
            }
        }
        catch (HttpRequestException ex) { return new DiscoveryFetch(naming.Captured, null, $"the request failed: {ex.Message.TrimEnd('.')}"); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return new DiscoveryFetch(naming.Captured, null, naming.Captured?.Error ?? "the request timed out"); }
    }
}
