using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;

namespace SmartConformance.Harness.Fhir;

/// <summary>
/// A raw FHIR GET through the recorded client, parsed with Hl7.Fhir.R4 when the body allows. Status codes stay
/// values for the checks to judge; FhirClient is not used because it turns them into exceptions.
/// </summary>
public sealed record FhirRead(HttpExchange? Exchange, int? Status, Resource? Resource, string? ParseProblem)
{
    private static readonly JsonSerializerOptions FhirJson = new JsonSerializerOptions().ForFhir();

    public static async Task<FhirRead> GetAsync(HttpClient http, Uri fhirBase, string relative, string? accessToken, string name, CancellationToken ct)
    {
        var url = new Uri(fhirBase.ToString().TrimEnd('/') + "/" + relative.TrimStart('/'));
        using var naming = ExchangeNaming.Begin(name);
        using var request = SuiteHttp.Request(HttpMethod.Get, url, name, "application/fhir+json");
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var (resource, problem) = Parse(body);
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
}
