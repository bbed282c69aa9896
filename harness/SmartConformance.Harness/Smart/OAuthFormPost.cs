using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;
using SmartConformance.Harness.Profiles;

namespace SmartConformance.Harness.Smart;

/// <summary>
/// A form POST to an OAuth endpoint (introspection, revocation) through the recorded client, authenticated as a profile
/// client, by a bearer token, or not at all. Statuses and bodies stay values for the checks; only the transport failing is a problem.
/// </summary>
public static class OAuthFormPost
{
    public static async Task<OAuthFormResponse> SendAsync(HttpClient http, Uri endpoint, string name,
        IReadOnlyList<KeyValuePair<string, string>> fields, ClientProfile? client, CancellationToken ct, string? bearerToken = null)
    {
        using var naming = ExchangeNaming.Begin(name);
        using var request = SuiteHttp.Request(HttpMethod.Post, endpoint, name, "application/json");
        var form = fields.ToList();
        if (client is not null)
        {
            if (client.Authentication == "client_secret_basic")
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
                    $"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(client.ClientSecret ?? "")}")));
            else
            {
                form.Add(new("client_id", client.ClientId));
                if (client.ClientSecret is not null) form.Add(new("client_secret", client.ClientSecret));
            }
        }
        if (bearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        request.Content = new FormUrlEncodedContent(form);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new OAuthFormResponse(naming.Captured, (int)response.StatusCode, ParseObject(body), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new OAuthFormResponse(naming.Captured, null, null, naming.Captured?.Error ?? ex.Message);
        }
    }

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

/// <summary>The answer to an <see cref="OAuthFormPost"/>: status, the body when it is a JSON object, or why nothing came back.</summary>
public sealed record OAuthFormResponse(HttpExchange? Exchange, int? Status, JsonElement? Json, string? Problem)
{
    /// <summary>A member of the JSON object body, or null when the body is no object or lacks it.</summary>
    public JsonElement? Member(string name) => OAuthJsonBody.Member(Json, name);

    /// <summary>A string member of the JSON object body, or null when missing or not a string.</summary>
    public string? StringMember(string name) => OAuthJsonBody.StringMember(Json, name);

    /// <summary>The OAuth "error" code (RFC 6749 §5.2), or null when there is none.</summary>
    public string? Error => OAuthJsonBody.Error(Json);

    /// <summary>The introspection "active" member: true, false, or null when missing or not a boolean.</summary>
    public bool? Active => Json is { } json && json.TryGetProperty("active", out var active) && active.ValueKind is JsonValueKind.True or JsonValueKind.False
        ? active.GetBoolean() : null;
}
