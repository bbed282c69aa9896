using System.Net.Http.Headers;
using System.Text.Json;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Cli.Commands.Init;

/// <summary>What `init` learns from a server: its SMART configuration and its CapabilityStatement.</summary>
public sealed record ServerFacts(Uri FhirBase, SmartConfiguration Smart, JsonElement? Capability, string? CapabilityProblem)
{
    /// <summary>The resource types the CapabilityStatement lists for the server's REST interface.</summary>
    public IReadOnlyList<string> ResourceTypes =>
        Capability is { } cap && cap.TryGetProperty("rest", out var rest) && rest.ValueKind == JsonValueKind.Array
            ? rest.EnumerateArray()
                .Where(r => r.TryGetProperty("resource", out var list) && list.ValueKind == JsonValueKind.Array)
                .SelectMany(r => r.GetProperty("resource").EnumerateArray())
                .Select(r => r.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null)
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>"software.name software.version", else implementation.description, else the host.</summary>
    public string ServerName
    {
        get
        {
            if (Capability is { } cap)
            {
                if (cap.TryGetProperty("software", out var software) && Text(software, "name") is { } name)
                    return Text(software, "version") is { } version ? $"{name} {version}" : name;
                if (cap.TryGetProperty("implementation", out var implementation) && Text(implementation, "description") is { } description)
                    return description;
            }
            return FhirBase.Host;
        }
    }

    /// <exception cref="InitException">The SMART configuration could not be read: the server is unreachable or not a SMART server.</exception>
    public static async Task<ServerFacts> ReadAsync(HttpClient http, Uri fhirBase, CancellationToken ct)
    {
        var root = fhirBase.ToString().TrimEnd('/');
        var smartUrl = new Uri(root + "/.well-known/smart-configuration");
        var (smart, smartProblem) = await GetJsonAsync(http, smartUrl, "application/json", ct);
        if (smart is null)
            throw new InitException($"Could not read the SMART configuration at {smartUrl}: {smartProblem}. Is --fhir-base the FHIR base URL of a SMART App Launch server?");
        if (smart.Value.ValueKind != JsonValueKind.Object)
            throw new InitException($"The SMART configuration at {smartUrl} is JSON but not an object.");
        var (capability, capabilityProblem) = await GetJsonAsync(http, new Uri(root + "/metadata"), "application/fhir+json", ct);
        if (capability is { } cap && (cap.ValueKind != JsonValueKind.Object || Text(cap, "resourceType") != "CapabilityStatement"))
            (capability, capabilityProblem) = (null, "the answer is not a CapabilityStatement");
        return new ServerFacts(fhirBase, new SmartConfiguration(smart.Value), capability, capabilityProblem);
    }

    private static async Task<(JsonElement? Json, string? Problem)> GetJsonAsync(HttpClient http, Uri url, string accept, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                return (null, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return (document.RootElement.Clone(), null);
        }
        catch (HttpRequestException ex) { return (null, $"the request failed: {ex.Message}"); }
        catch (JsonException ex) { return (null, $"the body is not JSON: {ex.Message}"); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return (null, $"no answer within {http.Timeout.TotalSeconds:0} s"); }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}

/// <summary>init could not write a profile; the message says why and what to do.</summary>
public sealed class InitException(string message) : Exception(message);
