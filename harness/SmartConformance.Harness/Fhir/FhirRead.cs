using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;

namespace SmartConformance.Harness.Fhir;

/// <summary>
/// A raw FHIR request through the recorded client, the response parsed with Hl7.Fhir.R4 when the body allows. Status
/// codes stay values for the checks to judge; FhirClient is not used because it turns them into exceptions.
/// </summary>
public sealed record FhirRead(HttpExchange? Exchange, int? Status, Resource? Resource, string? ParseProblem)
{
    private static readonly JsonSerializerOptions FhirJson = new JsonSerializerOptions().ForFhir();

    public static Task<FhirRead> GetAsync(HttpClient http, Uri fhirBase, string relative, string? accessToken, string name, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Get, fhirBase, relative, accessToken, name, body: null, ct);

    /// <summary>GET, or POST/PUT with a resource as <c>application/fhir+json</c>, at <c>{fhirBase}/{relative}</c>.</summary>
    public static async Task<FhirRead> SendAsync(HttpClient http, HttpMethod method, Uri fhirBase, string relative, string? accessToken,
        string name, Resource? body, CancellationToken ct)
    {
        var url = new Uri(fhirBase.ToString().TrimEnd('/') + "/" + relative.TrimStart('/'));
        using var naming = ExchangeNaming.Begin(name);
        using var request = SuiteHttp.Request(method, url, name, "application/fhir+json");
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, FhirJson), Encoding.UTF8, "application/fhir+json");
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var (resource, problem) = Parse(text);
            return new FhirRead(naming.Captured, (int)response.StatusCode, resource, problem);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new FhirRead(naming.Captured, null, null, naming.Captured?.Error ?? ex.Message);
        }
    }

    public static (Resource? Resource, string? Problem) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, "the body is empty");
        try
        {
            return (JsonSerializer.Deserialize<Resource>(body, FhirJson), null);
        }
        catch (Exception ex) when (ex is JsonException or DeserializationFailedException or NotSupportedException or InvalidOperationException)
        {
            var message = ex.Message.Split('\n')[0];
            return (null, $"the body is not a FHIR R4 JSON resource: {(message.Length > 300 ? message[..300] + "..." : message)}");
        }
    }

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The resources of a searchset Bundle (matches and includes); empty when the response is not a Bundle.</summary>
    public IReadOnlyList<Resource> BundleResources =>
        Resource is Bundle bundle ? bundle.Entry.Select(e => e.Resource).OfType<Resource>().ToList() : [];

    public override string ToString() => Exchange?.Summary() ?? $"{Status?.ToString() ?? "no response"}";
}
