using Duende.IdentityModel;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.PatientRestriction;

namespace SmartConformance.Tests.Token;

[CheckGroup("Token endpoint")]
public sealed class TokenCorsChecks : ConformanceFixture
{
    // Any origin: a browser app's origin is not known to the suite's server in advance.
    private const string Origin = "https://smart-app.conformance.example";

    [Test]
    [Check("TOK-09", "With client-public, the token endpoint and the FHIR API answer a browser app's cross-origin requests (CORS) and public clients get tokens; a failed token preflight is a warning",
        "SMART App Launch 2.2 App Launch: Considerations for CORS support", Spec.Cors)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@17"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@355")]
    public async Task TokenEndpoint_AllowsBrowserPublicClients()
    {
        var discovery = await Session.DiscoveryAsync();
        Uses(discovery.Exchange);
        if (discovery.Configuration is not { } config) { Skip($"The discovery document could not be read ({discovery.Problem}); DISC-01 reports why."); return; }
        if (!config.Capabilities.Contains("client-public")) { Skip("The server does not advertise client-public, so browser-based public clients need not reach the token endpoint."); return; }
        if (config.TokenEndpoint is not { } tokenEndpoint) { Skip("Discovery names no token_endpoint; DISC-02 reports it."); return; }

        // An unknown code: the error response must be readable by the app as much as a success would be.
        var client = OAuthEvidence.StandaloneClient;
        var post = await CorsProbe.FormPostAsync(Session.Http, tokenEndpoint, Origin,
        [
            new("grant_type", "authorization_code"), new("code", CryptoRandom.CreateUniqueId(32)), new("redirect_uri", Session.RedirectUri),
            new("client_id", client.ClientId), new("code_verifier", Pkce.NewS256().Verifier),
        ], "token-cors-post", CancellationToken.None);
        if (AllowOriginProblem(post) is { } problem)
            Fail($"A token request from a browser app (POST {tokenEndpoint} with Origin: {Origin}) {problem}, so the app cannot read the token response.", post,
                $"the token endpoint answers cross-origin requests: Access-Control-Allow-Origin: * or {Origin} on its responses");

        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        if (!client.IsPublic)
            TestContext.Out.WriteLine($"The standalone launch uses the {client.Authentication} client \"{client.Name}\", so this run did not show a public client getting a token.");

        // The FHIR API with the launch's token: a browser app reads its data cross-origin too.
        if (PatientLaunch.PatientOf(launch) is { } patient)
        {
            var read = await HttpProbe.GetAsync(Session.Http, HttpProbe.Under(Session.FhirBaseUrl, $"Patient/{Uri.EscapeDataString(patient)}"), "fhir-cors-read",
                new Dictionary<string, string> { ["Origin"] = Origin, ["Accept"] = "application/fhir+json", ["Authorization"] = $"Bearer {await FreshTokenAsync(launch)}" }, CancellationToken.None);
            if (AllowOriginProblem(read) is { } readProblem)
                Fail($"A FHIR read from a browser app (GET Patient/{patient} with the launch's token and Origin: {Origin}) {readProblem}, so the app cannot read its data.", read,
                    $"the FHIR API answers cross-origin requests: Access-Control-Allow-Origin: * or {Origin} on its responses");
        }
        else
            TestContext.Out.WriteLine("The launch's token response names no patient, so the FHIR API's CORS was not probed; TOK-01 reports the missing patient.");

        var preflight = await CorsProbe.PreflightAsync(Session.Http, tokenEndpoint, Origin, "POST", "token-cors-preflight", CancellationToken.None);
        if (PreflightProblem(preflight) is { } preflightProblem)
        {
            Uses(preflight);
            Assert.Warn($"The CORS preflight for the token endpoint (OPTIONS {tokenEndpoint} with Origin: {Origin}, Access-Control-Request-Method: POST, " +
                        $"Access-Control-Request-Headers: content-type) {preflightProblem}. A plain form POST needs no preflight, but apps whose HTTP library adds headers do. See {Spec.Cors}");
        }
    }

    private static string? AllowOriginProblem(HttpExchange? exchange)
    {
        if (exchange?.Status is null) return $"got no response ({exchange?.Error ?? "not sent"})";
        var allowed = exchange.ResponseHeader("Access-Control-Allow-Origin")?.Trim();
        if (allowed is null) return $"was answered {exchange.Status} without an Access-Control-Allow-Origin header";
        return allowed is "*" or Origin ? null : $"was answered with Access-Control-Allow-Origin: {allowed}";
    }

    private static string? PreflightProblem(HttpExchange? exchange)
    {
        if (AllowOriginProblem(exchange) is { } problem) return problem;
        if (exchange!.Status is < 200 or >= 300) return $"was answered {exchange.Status}";
        var methods = exchange.ResponseHeader("Access-Control-Allow-Methods");
        if (methods is not null && !methods.Split(',').Select(m => m.Trim()).Any(m => m is "*" or "POST"))
            return $"allows only the methods {methods}";
        var headers = exchange.ResponseHeader("Access-Control-Allow-Headers");
        if (headers is null || !headers.Split(',').Select(h => h.Trim()).Any(h => h == "*" || h.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
            return $"does not allow the content-type header (Access-Control-Allow-Headers: {headers ?? "none"})";
        return null;
    }
}
