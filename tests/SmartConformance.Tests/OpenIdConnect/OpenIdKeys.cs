using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Session;

namespace SmartConformance.Tests.OpenIdConnect;

/// <summary>
/// The OpenID Provider's signing keys: {issuer}/.well-known/openid-configuration, then its jwks_uri. Fetched once per run;
/// <see cref="Problem"/> says why there are no keys instead of throwing.
/// </summary>
internal sealed record OpenIdKeys(JsonWebKeySet? Keys, HttpExchange? Configuration, HttpExchange? Jwks, string? Problem)
{
    public static Task<OpenIdKeys> FetchAsync(SuiteSession session) => session.Shared("openid-keys", FetchOnceAsync);

    private static async Task<OpenIdKeys> FetchOnceAsync(SuiteSession session)
    {
        var issuer = (await session.DiscoveryAsync()).Configuration?.String("issuer");
        if (issuer is null || !Uri.TryCreate(issuer.TrimEnd('/') + "/.well-known/openid-configuration", UriKind.Absolute, out var url))
            return new OpenIdKeys(null, null, null, "the discovery document names no usable issuer");
        var accept = new Dictionary<string, string> { ["Accept"] = "application/json" };
        var configuration = await HttpProbe.GetAsync(session.Http, url, "openid-configuration", accept, CancellationToken.None);
        if (JwksUri(configuration) is not { } jwksUri)
            return new OpenIdKeys(null, configuration, null, $"{url} answered {configuration?.Status?.ToString() ?? "nothing"} without an absolute jwks_uri");
        var jwks = await HttpProbe.GetAsync(session.Http, jwksUri, "jwks", accept, CancellationToken.None);
        if (jwks?.Status != 200) return new OpenIdKeys(null, configuration, jwks, $"the jwks_uri {jwksUri} answered {jwks?.Status?.ToString() ?? "nothing"}");
        try { return new OpenIdKeys(new JsonWebKeySet(jwks.ResponseBody ?? ""), configuration, jwks, null); }
        catch (ArgumentException ex) { return new OpenIdKeys(null, configuration, jwks, $"the jwks_uri {jwksUri} does not serve a JWK Set ({ex.Message.Split('\n')[0]})"); }
    }

    private static Uri? JwksUri(HttpExchange? configuration)
    {
        if (configuration?.Status != 200) return null;
        try
        {
            using var document = JsonDocument.Parse(configuration.ResponseBody ?? "");
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("jwks_uri", out var value) && value.ValueKind == JsonValueKind.String
                   && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri) ? uri : null;
        }
        catch (JsonException) { return null; }
    }
}
