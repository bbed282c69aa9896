using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>
/// The hostile server's well-behaved answers: a minimal SMART server (discovery, login and consent pages, a token
/// endpoint, a CapabilityStatement and one Patient) that passes the suite's checks. Each behaviour replaces one piece.
/// </summary>
public static class Baseline
{
    public const string PatientId = "hostile-patient-1";
    public const string Scope = "launch/patient openid fhirUser patient/Patient.rs";

    public static string DiscoveryJson(HostileContext c) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = c.Root,
        ["authorization_endpoint"] = c.Root + "/authorize",
        ["token_endpoint"] = c.Root + "/token",
        ["capabilities"] = new[] { "launch-standalone", "client-public", "context-standalone-patient", "permission-patient", "sso-openid-connect" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["response_types_supported"] = new[] { "code" },
        ["scopes_supported"] = Scope.Split(' '),
    });

    public static Task Discovery(HostileContext c) => c.Json(DiscoveryJson(c));

    public static Task Metadata(HostileContext c) => c.Json("""
        {"resourceType":"CapabilityStatement","status":"active","date":"2025-01-01","kind":"instance","fhirVersion":"4.0.1",
         "format":["json"],"rest":[{"mode":"server","resource":[{"type":"Patient","interaction":[{"code":"read"}]}]}]}
        """, contentType: "application/fhir+json");

    public static string PatientJson(string id) => $$"""{"resourceType":"Patient","id":"{{id}}","name":[{"family":"Hostile","given":["Test"]}]}""";

    public static Task Patient(HostileContext c, string id)
    {
        if (!Authorized(c))
        {
            c.Response.Headers.WWWAuthenticate = "Bearer realm=\"hostile\"";
            return c.Json("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login"}]}""", 401, "application/fhir+json");
        }
        return id == PatientId
            ? c.Json(PatientJson(id), contentType: "application/fhir+json")
            : c.Json("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}""", 404, "application/fhir+json");
    }

    public static bool Authorized(HostileContext c) =>
        c.Request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && c.State.IssuedTokens.ContainsKey(header["Bearer ".Length..]);

    public static Task LoginPage(HostileContext c, string extraHead = "") => c.Html($"""
        <!doctype html><html><head><title>Hostile login</title>{extraHead}</head><body>
        <form method="post" action="login">
          <input type="hidden" name="redirect_uri" value="{HostileContext.Encode(c.Query("redirect_uri"))}">
          <input type="hidden" name="state" value="{HostileContext.Encode(c.Query("state"))}">
          <label>User <input id="username" name="username"></label>
          <label>Password <input id="password" name="password" type="password"></label>
          <button id="login" type="submit">Log in</button>
        </form></body></html>
        """);

    public static Task ConsentPage(HostileContext c, string extraHead = "") => c.Html($"""
        <!doctype html><html><head><title>Hostile consent</title>{extraHead}</head><body>
        <form method="post" action="approve">
          <input type="hidden" name="redirect_uri" value="{HostileContext.Encode(c.Form("redirect_uri"))}">
          <input type="hidden" name="state" value="{HostileContext.Encode(c.Form("state"))}">
          <p>Allow the app to read your record?</p>
          <button id="approve" type="submit">Allow</button>
        </form></body></html>
        """);

    public static Task Approve(HostileContext c)
    {
        c.Redirect($"{c.Form("redirect_uri")}?code=hostile-code-{Guid.NewGuid():N}&state={Uri.EscapeDataString(c.Form("state") ?? "")}");
        return Task.CompletedTask;
    }

    public static string NewAccessToken(HostileContext c)
    {
        var token = $"hostile-access-{Guid.NewGuid():N}";
        c.State.IssuedTokens[token] = PatientId;
        return token;
    }

    public static Dictionary<string, object> TokenFields(HostileContext c) => new()
    {
        ["access_token"] = NewAccessToken(c),
        ["token_type"] = "Bearer",
        ["expires_in"] = 3600,
        ["scope"] = Scope,
        ["patient"] = PatientId,
        ["refresh_token"] = $"hostile-refresh-{Guid.NewGuid():N}",
        ["id_token"] = FakeIdToken(c),
    };

    /// <summary>A JWT-shaped id_token (its signature is not real): the report may show its header and claims, never its signature.</summary>
    private static string FakeIdToken(HostileContext c)
    {
        static string Part(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
        var claims = JsonSerializer.Serialize(new { iss = c.Root, sub = "amy", aud = "hostile-app", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });
        return $"{Part("""{"alg":"RS256","typ":"JWT"}""")}.{Part(claims)}.{Part("not-a-real-signature-" + Guid.NewGuid().ToString("N"))}";
    }

    public static Task Token(HostileContext c, Action<Dictionary<string, object>>? change = null)
    {
        var fields = TokenFields(c);
        change?.Invoke(fields);
        c.Response.Headers.CacheControl = "no-store";
        c.Response.Headers.Pragma = "no-cache";
        return c.Json(JsonSerializer.Serialize(fields));
    }
}
