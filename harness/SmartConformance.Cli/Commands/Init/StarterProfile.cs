using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartConformance.Cli.Commands.Init;

/// <summary>
/// Writes a starter profile from what a server publishes. Everything the server says is filled in; what only the
/// vendor knows (client ids, test users, patient ids) is marked "REPLACE-…", and the endpoints the suite discovers on
/// every run are listed in comments for reference.
/// </summary>
public static class StarterProfile
{
    public const string Marker = "REPLACE-";
    public const string DefaultRedirectUri = "http://127.0.0.1:8765/callback";

    private static readonly string[] EndpointFields =
    [
        "issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint", "introspection_endpoint",
        "revocation_endpoint", "management_endpoint", "userinfo_endpoint", "user_access_brand_bundle",
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ServerFacts facts, string redirectUri, string? schemaReference, DateTimeOffset now)
    {
        var smart = facts.Smart;
        var capabilities = smart.Capabilities;
        var notes = new List<string>();

        var profile = new JsonObject();
        if (schemaReference is not null)
            profile["$schema"] = schemaReference;
        profile["name"] = facts.ServerName;
        profile["fhirBaseUrl"] = facts.FhirBase.ToString().TrimEnd('/');
        profile["redirectUri"] = redirectUri;
        profile["clients"] = Clients(smart.Strings("token_endpoint_auth_methods_supported") ?? [], capabilities, notes);
        profile["users"] = new JsonArray(new JsonObject
        {
            ["name"] = "patient",
            ["username"] = Marker + "with-a-test-patient-username",
            ["password"] = Marker + "with-its-password",
            ["patient"] = Marker + "with-the-Patient-id-this-user-sees",
        });
        profile["launches"] = new JsonObject
        {
            ["standalonePatient"] = new JsonObject { ["client"] = "public", ["user"] = "patient", ["scope"] = Scope(facts, notes) },
        };
        profile["browserSteps"] = BrowserSteps();
        profile["browser"] = new JsonObject { ["headless"] = true };
        profile["timeouts"] = new JsonObject { ["httpSeconds"] = 30, ["browserStepSeconds"] = 20, ["launchSeconds"] = 90 };

        if (!capabilities.Contains("launch-standalone"))
            notes.Add("capabilities lacks launch-standalone: the suite's launches are standalone launches, so most launch checks will fail or skip.");
        if (facts.CapabilityProblem is not null)
            notes.Add($"The CapabilityStatement ({facts.FhirBase.ToString().TrimEnd('/')}/metadata) could not be read: {facts.CapabilityProblem}.");

        var text = new StringBuilder();
        Comment(text, $"Starter profile written by `smart-conformance init` from {facts.FhirBase} on {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
        Comment(text, $"Next: replace every \"{Marker}…\" value; keep passwords and secrets out of the file with \"${{ENV:NAME}}\";");
        Comment(text, "check the browser steps against your login and consent pages (run once with --headed), then:");
        Comment(text, "  smart-conformance validate-profile THIS-FILE && smart-conformance run --profile THIS-FILE");
        Comment(text, "Endpoints the server publishes (the suite reads them from the server on every run; listed for reference):");
        foreach (var field in EndpointFields)
        {
            if (smart.String(field) is { } value)
                Comment(text, $"  {field}: {value}");
        }
        Comment(text, $"  capabilities: {(capabilities.Count == 0 ? "(none listed)" : string.Join(", ", capabilities))}");
        if (facts.ResourceTypes.Count > 0)
            Comment(text, $"  FHIR resources (CapabilityStatement): {string.Join(", ", facts.ResourceTypes)}");
        foreach (var note in notes)
            Comment(text, "Note: " + note);
        text.Append(profile.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        return text.ToString();
    }

    private static JsonArray Clients(IReadOnlyList<string> authMethods, IReadOnlyList<string> capabilities, List<string> notes)
    {
        var clients = new JsonArray(new JsonObject
        {
            ["name"] = "public",
            ["clientId"] = Marker + "with-your-public-client-id",
            ["authentication"] = "none",
        });
        if (!capabilities.Contains("client-public"))
            notes.Add("capabilities lacks client-public; if your server has no public clients, point launches.standalonePatient.client at a confidential one.");

        var secretMethod = new[] { "client_secret_basic", "client_secret_post" }.FirstOrDefault(authMethods.Contains);
        if (secretMethod is not null || capabilities.Contains("client-confidential-symmetric"))
        {
            clients.Add(new JsonObject
            {
                ["name"] = "confidential",
                ["clientId"] = Marker + "with-your-confidential-client-id",
                ["clientSecret"] = Marker + "with-an-ENV-reference-to-the-client-secret",
                ["authentication"] = secretMethod ?? "client_secret_basic",
            });
        }
        return clients;
    }

    /// <summary>
    /// The standalone patient launch's scope: launch/patient, openid fhirUser when the server does OpenID Connect, and
    /// read access to Patient (and Observation when the server has it) in the scope syntax the server advertises.
    /// </summary>
    private static string Scope(ServerFacts facts, List<string> notes)
    {
        var capabilities = facts.Smart.Capabilities;
        var scopes = new List<string> { "launch/patient" };
        if (capabilities.Contains("sso-openid-connect"))
            scopes.AddRange(["openid", "fhirUser"]);
        var v2 = capabilities.Contains("permission-v2") || !capabilities.Contains("permission-v1");
        var resources = new List<string> { "Patient" };
        if (facts.ResourceTypes.Contains("Observation"))
            resources.Add("Observation");
        scopes.AddRange(resources.Select(r => $"patient/{r}.{(v2 ? "rs" : "read")}"));

        if (facts.Smart.Strings("scopes_supported") is { Count: > 0 } supported)
        {
            var unlisted = scopes.Where(s => !supported.Contains(s) && !supported.Contains(s.Split('.')[0].Split('/')[0] + "/*." + s.Split('.').Last())).ToList();
            if (unlisted.Count > 0)
                notes.Add($"scopes_supported does not list {string.Join(", ", unlisted)}; scopes_supported may be a subset, but check the launch scope.");
        }
        return string.Join(' ', scopes);
    }

    /// <summary>Common login and consent selectors; a guess that works for many pages and is easy to correct.</summary>
    private static JsonObject BrowserSteps() => new()
    {
        ["login"] = new JsonArray(
            Step("fill", "input[name=username], input[type=email], #username", "{user.username}", "the user name field on your login page (a guess: check it)"),
            Step("fill", "input[type=password]", "{user.password}", "the password field"),
            Step("click", "button[type=submit], input[type=submit]", null, "the login button")),
        ["approve"] = new JsonArray(
            Step("click", "text=Allow", null, "the button that grants access on your consent page (a guess: check it)")),
    };

    private static JsonObject Step(string action, string selector, string? value, string description)
    {
        var step = new JsonObject { ["action"] = action, ["selector"] = selector };
        if (value is not null)
            step["value"] = value;
        step["description"] = description;
        return step;
    }

    private static void Comment(StringBuilder text, string line) =>
        text.Append("// ").Append(line.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
}
