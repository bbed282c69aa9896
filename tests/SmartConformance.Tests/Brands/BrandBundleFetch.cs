using System.Text.Json;
using Hl7.Fhir.Model;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Session;

namespace SmartConformance.Tests.Brands;

/// <summary>
/// One unauthenticated GET of the Brand Bundle that discovery names, sent as a browser app on another origin would
/// send it, shared by the BRAND checks: the exchange (status, CORS, ETag), the parsed Bundle and its raw JSON.
/// </summary>
internal sealed record BrandBundleFetch(Uri Url, HttpExchange? Exchange, Bundle? Bundle, JsonElement? Json, string? Problem)
{
    public const string Origin = "https://smart-app.conformance.example";

    public static Task<BrandBundleFetch> SharedAsync(SuiteSession session, Uri url) =>
        session.Shared("brand-bundle", s => RunAsync(s, url));

    private static async Task<BrandBundleFetch> RunAsync(SuiteSession session, Uri url)
    {
        var headers = new Dictionary<string, string> { ["Accept"] = "application/fhir+json, application/json;q=0.9", ["Origin"] = Origin };
        var exchange = await HttpProbe.GetAsync(session.Http, url, "brand-bundle", headers, CancellationToken.None);
        if (exchange?.Status is not { } status) return new(url, exchange, null, null, $"no response ({exchange?.Error ?? "not sent"})");
        if (status != 200) return new(url, exchange, null, null, $"the server answered {status}");
        if (exchange.ResponseBodyTruncated) return new(url, exchange, null, null, "the body was too large to read whole");
        var (resource, problem) = FhirRead.Parse(exchange.ResponseBody ?? "");
        if (resource is null) return new(url, exchange, null, null, problem);
        if (resource is not Bundle bundle) return new(url, exchange, null, null, $"the body is a {resource.TypeName}, not a Bundle");
        using var document = JsonDocument.Parse(exchange.ResponseBody!);
        return new(url, exchange, bundle, document.RootElement.Clone(), null);
    }

    public IEnumerable<Resource> Resources => Bundle?.Entry.Select(e => e.Resource).OfType<Resource>() ?? [];
}
