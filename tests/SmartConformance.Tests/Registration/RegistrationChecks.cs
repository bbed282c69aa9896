using System.Text.Json.Nodes;
using NUnit.Framework;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Registration;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Registration;

[CheckGroup("Dynamic client registration")]
public sealed class RegistrationChecks : ConformanceFixture
{
    [Test]
    [Check("REG-01", "A public client registered at the registration_endpoint gets a client_id that completes a launch",
        "RFC 7591 §3.1, §3.2.1; SMART App Launch 2.2 register app with EHR", RegistrationSpec.Response)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@19"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@24"),
     Requirement("RFC7591@3.2.1")]
    public async Task PublicRegistration_CompletesALaunch()
    {
        if (await RegistrationEvidence.EndpointAsync() is not { } endpoint) { Skip("The discovery document advertises no registration_endpoint."); return; }
        var (registration, launch) = await RegistrationEvidence.PublicClientLaunch(endpoint);
        Uses(registration.Exchange);
        var requirement = "a registration with valid metadata is answered 201 Created with a client_id, and the client can then use it (authorization code launch and code exchange)";
        if (registration.Problem is not null) throw new HarnessException($"The registration request got no answer: {registration.Problem}");
        if (registration.Status != 201 || registration.ClientId is null)
        {
            Fail($"Registering a public client (token_endpoint_auth_method none, redirect_uris [{Session.RedirectUri}]) answered {registration.Describe()} instead of 201 with a client_id.", registration.Exchange, requirement);
            return;
        }

        if (launch is null) throw new HarnessException("The registered client's launch did not run.");
        Uses([.. launch.BrowserTraffic]);
        Uses(launch.Token?.Exchange);
        Uses(launch.Artifacts);
        if (launch.ProblemIsHarness) throw new HarnessException($"The launch with the registered client could not be completed: {launch.Problem}");
        if (launch.AccessToken is null)
            Fail($"A standalone launch with the registered client_id {registration.ClientId} did not end with an access token: {launch.Problem ?? "no token"}.",
                launch.Token?.Exchange ?? launch.BrowserTraffic.LastOrDefault(), requirement);
    }

    [Test]
    [Check("REG-02", "A confidential client registered at the registration_endpoint gets a client_secret that authenticates at the token endpoint",
        "RFC 7591 §3.2.1; RFC 6749 §2.3.1", RegistrationSpec.Response)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@24"), Requirement("RFC7591@3.2.1")]
    public async Task ConfidentialRegistration_IssuesAWorkingSecret()
    {
        if (await RegistrationEvidence.EndpointAsync() is not { } endpoint) { Skip("The discovery document advertises no registration_endpoint."); return; }
        var discovery = await Session.DiscoveryAsync();
        if (discovery.Configuration?.TokenEndpoint is not { } tokenEndpoint) { Skip("The discovery document has no usable token_endpoint; DISC-02 reports it."); return; }
        var metadata = ClientRegistration.Metadata([Session.RedirectUri], "client_secret_basic", OAuthEvidence.Standalone.Scope, "SmartConformance confidential test client");
        var registration = await ClientRegistration.RegisterAsync(Session.Http, endpoint, metadata, "register-confidential", CancellationToken.None);
        var requirement = "a confidential registration (token_endpoint_auth_method client_secret_basic) is answered 201 with a client_id and the client_secret it was issued, and that secret authenticates the client at the token endpoint";
        if (registration.Problem is not null) throw new HarnessException($"The registration request got no answer: {registration.Problem}");
        if (registration.Status != 201 || registration.ClientId is not { } clientId)
        {
            Fail($"Registering a confidential client answered {registration.Describe()} instead of 201 with a client_id.", registration.Exchange, requirement);
            return;
        }
        if (registration.ClientSecret is not { Length: > 0 } secret)
        {
            Fail($"The confidential registration answered 201 with client_id {clientId} but no client_secret.", registration.Exchange, requirement);
            return;
        }

        // A made-up code: with the right secret the client authenticates and the code is refused (invalid_grant); with a wrong one, invalid_client.
        var right = await RedeemMadeUpCode(tokenEndpoint, new ClientProfile { Name = "registered", ClientId = clientId, ClientSecret = secret, Authentication = "client_secret_basic" }, "registered-secret");
        var wrong = await RedeemMadeUpCode(tokenEndpoint, new ClientProfile { Name = "registered", ClientId = clientId, ClientSecret = secret + "-wrong", Authentication = "client_secret_basic" }, "registered-wrong-secret");
        Uses(registration.Exchange, right.Exchange, wrong.Exchange);
        if (right.Status is null || wrong.Status is null) throw new HarnessException($"The token endpoint did not answer ({right.Problem ?? wrong.Problem}).");
        if (right.Status == 401 || right.Error == "invalid_client")
            Fail($"The issued client_secret does not authenticate client {clientId}: the token endpoint answered {right.Status} {right.Error} (a made-up code with the right secret should fail only as invalid_grant).", right.Exchange, requirement);
        else if (wrong.Status != 401 && wrong.Error != "invalid_client")
            Fail($"A wrong secret for client {clientId} was not refused with invalid_client ({wrong.Status} {wrong.Error}), so the suite cannot tell that the issued secret is what authenticates it.", wrong.Exchange, requirement);
    }

    [Test]
    [Check("REG-03", "Registrations with bad redirect URIs are refused with 400 and the RFC 7591 error codes (invalid_redirect_uri)",
        "RFC 7591 §3.2.2; RFC 6749 §3.1.2", RegistrationSpec.Error)]
    [Requirement("RFC7591@3.2.2")]
    public async Task BadMetadata_IsRefusedWithTheRightError()
    {
        if (await RegistrationEvidence.EndpointAsync() is not { } endpoint) { Skip("The discovery document advertises no registration_endpoint."); return; }
        var scope = OAuthEvidence.Standalone.Scope;
        var cases = new (string Name, JsonObject Metadata, string What, string[] Errors)[]
        {
            ("fragment", ClientRegistration.Metadata(["https://app.example.org/callback#part"], "none", scope, "fragment"),
                "a redirect URI with a fragment (RFC 6749 §3.1.2 forbids one)", ["invalid_redirect_uri"]),
            ("relative", ClientRegistration.Metadata(["/callback"], "none", scope, "relative"),
                "a relative redirect URI (RFC 6749 §3.1.2 requires an absolute one)", ["invalid_redirect_uri"]),
            ("no-redirect", WithoutRedirectUris(ClientRegistration.Metadata([], "none", scope, "no redirect")),
                "no redirect_uris for an authorization_code client", ["invalid_redirect_uri", "invalid_client_metadata"]),
        };
        foreach (var (name, metadata, what, errors) in cases)
        {
            var answer = await ClientRegistration.RegisterAsync(Session.Http, endpoint, metadata, $"register-{name}", CancellationToken.None);
            if (answer.Problem is not null) throw new HarnessException($"The registration request got no answer: {answer.Problem}");
            if (answer.Status != 400 || !errors.Contains(answer.Error))
            {
                Fail($"A registration with {what} answered {answer.Describe()}.", answer.Exchange,
                    $"a registration error is answered 400 with error {string.Join(" or ", errors)} (RFC 7591 §3.2.2)");
                return;
            }
        }

        var plainHttp = await ClientRegistration.RegisterAsync(Session.Http, endpoint,
            ClientRegistration.Metadata(["http://app.example.org/callback"], "none", scope, "plain http"), "register-plain-http", CancellationToken.None);
        if (plainHttp.Status is >= 200 and < 300)
            Assert.Warn($"A registration with the plain-http, non-loopback redirect URI http://app.example.org/callback was accepted ({plainHttp.Describe()}); " +
                        $"redirect URIs SHOULD use TLS (RFC 6749 §3.1.2.1), with http only for loopback (RFC 8252 §7.3). See {RegistrationSpec.Error}");
    }

    private static JsonObject WithoutRedirectUris(JsonObject metadata)
    {
        metadata.Remove("redirect_uris");
        return metadata;
    }

    private static Task<OAuthFormResponse> RedeemMadeUpCode(Uri tokenEndpoint, ClientProfile client, string name) =>
        OAuthFormPost.SendAsync(Session.Http, tokenEndpoint, name,
        [
            new("grant_type", "authorization_code"),
            new("code", "made-up-code-" + Guid.NewGuid().ToString("N")),
            new("redirect_uri", Session.RedirectUri),
            new("code_verifier", new string('v', 64)),
        ], client, CancellationToken.None);
}
