using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Discovery;

[CheckGroup("Discovery")]
public sealed class OpenIdConfigurationChecks : ConformanceFixture
{
    [Test]
    [Check("DISC-10", "With sso-openid-connect, {issuer}/.well-known/openid-configuration names the same issuer, lists RS256, and its jwks_uri serves keys",
        "OpenID Connect Discovery 1.0 §4; SMART App Launch 2.2 identity data", Spec.OpenIdDiscovery)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@207"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@210"),
     Requirement("OIDC-Discovery@4"), Requirement("OIDC-Discovery@4.3")]
    public async Task OpenIdConfiguration_MatchesIssuerAndServesKeys()
    {
        var fetch = await Session.DiscoveryAsync();
        Uses(fetch.Exchange);
        if (fetch.Configuration is not { } config) { Skip($"The discovery document could not be read ({fetch.Problem}); DISC-01 reports why."); return; }
        if (!config.Capabilities.Contains("sso-openid-connect")) { Skip("The server does not advertise sso-openid-connect."); return; }
        if (config.String("issuer") is not { Length: > 0 } issuer) { Skip("The discovery document names no issuer; DISC-05 reports it."); return; }
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri)) { Fail($"The issuer \"{issuer}\" is not an absolute URL.", fetch.Exchange, "the issuer is an https URL with no query or fragment"); return; }

        // OpenID Connect Discovery §4: remove any trailing "/" from the issuer, then append the well-known path.
        var url = new Uri(issuer.TrimEnd('/') + "/.well-known/openid-configuration");
        var exchange = await HttpProbe.GetAsync(Session.Http, url, "openid-configuration", new Dictionary<string, string> { ["Accept"] = "application/json" }, CancellationToken.None);
        const string requirement = "the OpenID Provider configuration at {issuer}/.well-known/openid-configuration is JSON whose issuer is exactly the issuer it was found from (the SMART document's issuer), listing RS256 in id_token_signing_alg_values_supported, with a jwks_uri serving a JWK Set with at least one key that has a kid";
        if (exchange?.Status != 200) { Fail($"GET {url} answered {exchange?.Status?.ToString() ?? "nothing"} instead of 200.", exchange, requirement); return; }
        JsonElement openId;
        try { openId = JsonDocument.Parse(exchange.ResponseBody ?? "").RootElement.Clone(); }
        catch (JsonException) { Fail("The OpenID configuration is not JSON.", exchange, requirement); return; }
        if (openId.ValueKind != JsonValueKind.Object) { Fail("The OpenID configuration is not a JSON object.", exchange, requirement); return; }

        var problems = new List<string>();
        var openIdIssuer = Text(openId, "issuer");
        if (openIdIssuer != issuer)
            problems.Add($"its issuer is \"{openIdIssuer ?? "(none)"}\" but the SMART discovery document says \"{issuer}\" (they must be identical, character for character)");
        var algorithms = openId.TryGetProperty("id_token_signing_alg_values_supported", out var algs) && algs.ValueKind == JsonValueKind.Array
            ? algs.EnumerateArray().Select(a => a.ToString()).ToList() : null;
        if (algorithms is null || !algorithms.Contains("RS256"))
            problems.Add($"id_token_signing_alg_values_supported is {(algorithms is null ? "missing" : $"[{string.Join(", ", algorithms)}]")}, without RS256");
        if (problems.Count > 0) { Fail($"The OpenID configuration disagrees with SMART discovery: {string.Join("; ", problems)}.", exchange, requirement); return; }

        if (Text(openId, "jwks_uri") is not { } jwksUri || !Uri.TryCreate(jwksUri, UriKind.Absolute, out var jwksUrl))
        {
            Fail("The OpenID configuration has no absolute jwks_uri.", exchange, requirement);
            return;
        }
        var jwks = await HttpProbe.GetAsync(Session.Http, jwksUrl, "jwks", new Dictionary<string, string> { ["Accept"] = "application/json" }, CancellationToken.None);
        if (KeyProblem(jwks) is { } keyProblem)
            Fail($"The jwks_uri {jwksUrl} does not serve usable keys: {keyProblem}.", jwks, requirement);
    }

    private static string? KeyProblem(HttpExchange? jwks)
    {
        if (jwks?.Status != 200) return $"it answered {jwks?.Status?.ToString() ?? "nothing"}";
        JsonWebKeySet set;
        try { set = new JsonWebKeySet(jwks.ResponseBody ?? ""); }
        catch (ArgumentException ex) { return $"the body is not a JWK Set ({ex.Message.Split('\n')[0]})"; }
        if (set.Keys.Count == 0) return "the key set is empty";
        if (set.Keys.All(k => string.IsNullOrEmpty(k.Kid))) return "no key has a kid";
        return null;
    }

    private static string? Text(JsonElement json, string field) =>
        json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
