using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;

namespace SmartConformance.Harness.Registration;

/// <summary>
/// An RFC 7591 registration request: client metadata POSTed as JSON to the registration endpoint through the recorded
/// client. The answer stays a value (status, JSON body, client_id, client_secret); only a transport failure is a problem.
/// </summary>
public static class ClientRegistration
{
    public static async Task<RegistrationResponse> RegisterAsync(HttpClient http, Uri endpoint, JsonObject metadata, string name, CancellationToken ct)
    {
        using var naming = ExchangeNaming.Begin(name);
        using var request = SuiteHttp.Request(HttpMethod.Post, endpoint, name, "application/json");
        request.Content = new StringContent(metadata.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new RegistrationResponse(naming.Captured, (int)response.StatusCode, ParseObject(body), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new RegistrationResponse(naming.Captured, null, null, naming.Captured?.Error ?? ex.Message);
        }
    }

    /// <summary>Metadata for an authorization-code client: redirect URIs, auth method, scope and a name.</summary>
    public static JsonObject Metadata(IEnumerable<string> redirectUris, string tokenEndpointAuthMethod, string? scope, string clientName) => new()
    {
        ["client_name"] = clientName,
        ["redirect_uris"] = new JsonArray([.. redirectUris.Select(u => (JsonNode?)JsonValue.Create(u))]),
        ["token_endpoint_auth_method"] = tokenEndpointAuthMethod,
        ["grant_types"] = new JsonArray("authorization_code"),
        ["response_types"] = new JsonArray("code"),
        ["scope"] = scope,
    };

    private static JsonElement? ParseObject(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException) { return null; }
    }
}

/// <summary>The registration endpoint's answer.</summary>
public sealed record RegistrationResponse(HttpExchange? Exchange, int? Status, JsonElement? Json, string? Problem)
{
    public string? ClientId => Text("client_id");
    public string? ClientSecret => Text("client_secret");
    public string? Error => Text("error");

    public string Describe() => Status is { } status
        ? $"{status}{(Error is { } error ? $" error={error}" : ClientId is { } id ? $" client_id={id}" : "")}"
        : $"no answer ({Problem})";

    private string? Text(string field) =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
