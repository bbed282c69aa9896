using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using NUnit.Framework;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;
using static SmartConformance.SelfTests.ReferenceServer.Support.BrowserlessOAuthClient;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>The standalone launch driven end to end with HttpClient: the proof the OAuth flow works.</summary>
[TestFixture]
public sealed class OAuthFlowTests : ReferenceServerFixture
{
    private const string PatientScopes = "openid fhirUser launch/patient patient/*.read offline_access";

    [Test]
    public async Task PublicClient_PatientLogin_GetsATokenForItsOwnPatientOnly()
    {
        using var client = new BrowserlessOAuthClient(Host);

        var consent = await client.SignInAsync(client.AuthorizeUrl(SeedData.PublicClientId, PatientScopes), SeedData.AmyUsername, SeedData.AmyPassword);
        HtmlForm.HasElement(consent, "button", "approve").Should().BeTrue();
        HtmlForm.HasElement(consent, "button", "deny").Should().BeTrue();
        consent.Should().Contain("patient/*.read");
        using var approved = await client.SubmitAsync(consent, "consent-form", ("consent", "approve"));
        var callback = CallbackParameters(approved);
        callback["state"].Should().Be(client.State);
        callback.Should().ContainKey("code");

        using var tokenResponse = await client.ExchangeCodeAsync(SeedData.PublicClientId, callback["code"]);
        tokenResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        tokenResponse.Headers.CacheControl!.NoStore.Should().BeTrue();
        var token = await ReadJsonAsync(tokenResponse);
        Member(token, "token_type").Should().Be("Bearer");
        Member(token, "patient").Should().Be(SeedData.Patient1Id);
        token.GetProperty("expires_in").GetInt32().Should().BePositive();
        // The public client is not registered for offline access: offline_access is dropped, and no refresh token comes back.
        Member(token, "scope").Split(' ').Should().BeEquivalentTo(PatientScopes.Split(' ').Where(s => s != "offline_access"));
        token.TryGetProperty("refresh_token", out _).Should().BeFalse();
        token.TryGetProperty("id_token", out _).Should().BeTrue();

        var accessToken = Member(token, "access_token");
        using var own = await client.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", accessToken);
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        using var other = await client.ReadFhirAsync($"Patient/{SeedData.Patient2Id}", accessToken);
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.Content.ReadAsStringAsync()).Should().Contain("OperationOutcome");
    }

    [Test]
    public async Task AccessToken_IsAnUnencryptedJwtForTheFhirAudienceCarryingThePatient()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await TokenForAsync(client, SeedData.PublicClientId, PatientScopes, SeedData.AmyUsername, SeedData.AmyPassword);

        var jwt = new JsonWebToken(Member(token, "access_token"));

        jwt.Audiences.Should().Equal(Host.FhirBaseUrl.AbsoluteUri);
        jwt.Issuer.Should().Be(Host.BaseUrl.AbsoluteUri);
        jwt.Claims.Should().Contain(c => c.Type == "patient" && c.Value == SeedData.Patient1Id);
        var idToken = new JsonWebToken(Member(token, "id_token"));
        idToken.Claims.Should().Contain(c => c.Type == "fhirUser" && c.Value == $"{Host.FhirBaseUrl}/{SeedData.AmyFhirUser}");
        idToken.Audiences.Should().Equal(SeedData.PublicClientId);
    }

    [Test]
    public async Task AccessToken_SearchesOnlyItsOwnPatientsObservations()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var accessToken = Member(await TokenForAsync(client, SeedData.PublicClientId, PatientScopes, SeedData.AmyUsername, SeedData.AmyPassword), "access_token");

        using var own = await client.ReadFhirAsync($"Observation?patient={SeedData.Patient1Id}", accessToken);
        using var lab = await client.ReadFhirAsync($"Observation?patient={SeedData.Patient1Id}&category=laboratory", accessToken);
        using var other = await client.ReadFhirAsync($"Observation?patient={SeedData.Patient2Id}", accessToken);
        using var unknown = await client.ReadFhirAsync("Observation/does-not-exist", accessToken);

        var bundle = await ReadJsonAsync(own);
        Member(bundle, "type").Should().Be("searchset");
        bundle.GetProperty("total").GetInt32().Should().Be(2);
        (await ReadJsonAsync(lab)).GetProperty("total").GetInt32().Should().Be(1);
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("OperationOutcome");
    }

    [Test]
    public async Task ConfidentialClient_RefreshKeepsThePatientContext()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await TokenForAsync(client, SeedData.ConfidentialClientId, PatientScopes, SeedData.BobUsername, SeedData.BobPassword,
            SeedData.ConfidentialClientSecret);
        Member(token, "patient").Should().Be(SeedData.Patient2Id);

        using var refreshed = await client.RefreshAsync(SeedData.ConfidentialClientId, Member(token, "refresh_token"),
            SeedData.ConfidentialClientSecret);

        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var refreshedToken = await ReadJsonAsync(refreshed);
        Member(refreshedToken, "patient").Should().Be(SeedData.Patient2Id);
        using var read = await client.ReadFhirAsync($"Patient/{SeedData.Patient2Id}", Member(refreshedToken, "access_token"));
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Provider_PicksThePatientBeforeConsent()
    {
        using var client = new BrowserlessOAuthClient(Host);

        var picker = await client.SignInAsync(client.AuthorizeUrl(SeedData.PublicClientId, "openid fhirUser launch/patient patient/*.rs"),
            SeedData.DrSmithUsername, SeedData.DrSmithPassword);
        HtmlForm.OptionValues(picker, "patient").Should().BeEquivalentTo(SeedData.Patient1Id, SeedData.Patient2Id);
        HtmlForm.HasElement(picker, "button", "choose").Should().BeTrue();
        using var chosen = await client.SubmitAsync(picker, "patient-form", ("launch_patient", SeedData.Patient2Id));
        chosen.StatusCode.Should().Be(HttpStatusCode.OK);
        var consent = await chosen.Content.ReadAsStringAsync();
        using var approved = await client.SubmitAsync(consent, "consent-form", ("consent", "approve"));
        var callback = CallbackParameters(approved);
        using var tokenResponse = await client.ExchangeCodeAsync(SeedData.PublicClientId, callback["code"]);

        var token = await ReadJsonAsync(tokenResponse);
        Member(token, "patient").Should().Be(SeedData.Patient2Id);
        var accessToken = Member(token, "access_token");
        using var chosenPatient = await client.ReadFhirAsync($"Patient/{SeedData.Patient2Id}", accessToken);
        using var otherPatient = await client.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", accessToken);
        chosenPatient.StatusCode.Should().Be(HttpStatusCode.OK);
        otherPatient.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Provider_WithUserScopes_ReadsAnyPatientWithoutPatientContext()
    {
        using var client = new BrowserlessOAuthClient(Host);

        var token = await TokenForAsync(client, SeedData.PublicClientId, "openid fhirUser user/*.rs", SeedData.DrSmithUsername,
            SeedData.DrSmithPassword);

        token.TryGetProperty("patient", out _).Should().BeFalse();
        var accessToken = Member(token, "access_token");
        using var first = await client.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", accessToken);
        using var second = await client.ReadFhirAsync($"Condition/{SeedData.Patient2ConditionId}", accessToken);
        using var practitioner = await client.ReadFhirAsync(SeedData.DrSmithFhirUser, accessToken);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        practitioner.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Deny_RedirectsWithAccessDeniedAndTheState()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var consent = await client.SignInAsync(client.AuthorizeUrl(SeedData.PublicClientId, PatientScopes), SeedData.AmyUsername, SeedData.AmyPassword);

        using var denied = await client.SubmitAsync(consent, "consent-form", ("consent", "deny"));

        var callback = CallbackParameters(denied);
        callback["error"].Should().Be("access_denied");
        callback["state"].Should().Be(client.State);
        callback.Should().NotContainKey("code");
    }

    [Test]
    public async Task WrongAudience_RedirectsWithInvalidRequestAndTheState()
    {
        using var client = new BrowserlessOAuthClient(Host);

        using var response = await client.GetAsync(client.AuthorizeUrl(SeedData.PublicClientId, PatientScopes, aud: "https://elsewhere.example/fhir"));

        var callback = CallbackParameters(response);
        callback["error"].Should().Be("invalid_request");
        callback["state"].Should().Be(client.State);
    }

    [Test]
    public async Task AudienceWithTrailingSlash_IsAccepted()
    {
        using var client = new BrowserlessOAuthClient(Host);

        using var response = await client.GetAsync(client.AuthorizeUrl(SeedData.PublicClientId, PatientScopes, aud: Host.FhirBaseUrl + "/"));

        response.Headers.Location!.OriginalString.Should().StartWith("/login?");
    }

    [Test]
    public async Task PlainPkce_IsRejected()
    {
        using var client = new BrowserlessOAuthClient(Host);

        using var response = await client.GetAsync(client.AuthorizeUrl(SeedData.PublicClientId, PatientScopes,
            codeChallenge: client.Pkce.Verifier, codeChallengeMethod: "plain"));

        // OpenIddict answers validation errors itself (400) instead of redirecting them; either way no code is issued.
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("invalid_request");
    }

    [Test]
    public async Task MissingPkce_IsRejected()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var url = client.AuthorizeUrl(SeedData.PublicClientId, PatientScopes).Replace($"&code_challenge={client.Pkce.Challenge}", "");

        using var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("invalid_request").And.Contain("code_challenge");
    }

    [Test]
    public async Task WrongCodeVerifier_IsRejectedAtTheTokenEndpoint()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var callback = await client.AuthorizeAsync(SeedData.PublicClientId, PatientScopes, SeedData.AmyUsername, SeedData.AmyPassword);

        using var response = await client.ExchangeCodeAsync(SeedData.PublicClientId, callback["code"], verifier: Pkce.Create().Verifier);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Member(await ReadJsonAsync(response), "error").Should().Be("invalid_grant");
    }

    [Test]
    public async Task WrongPassword_ShowsTheLoginPageAgainWithAnError()
    {
        using var client = new BrowserlessOAuthClient(Host);
        using var authorize = await client.GetAsync(client.AuthorizeUrl(SeedData.PublicClientId, PatientScopes));
        var loginUrl = authorize.Headers.Location!.OriginalString;
        var returnUrl = QueryHelpers.ParseQuery(loginUrl[loginUrl.IndexOf('?')..])["returnUrl"].ToString();

        using var login = await client.PostFormAsync("login",
            [new("returnUrl", returnUrl), new("username", SeedData.AmyUsername), new("password", "wrong")]);

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await login.Content.ReadAsStringAsync();
        HtmlForm.HasElement(html, "p", "error").Should().BeTrue();
        HtmlForm.HasElement(html, "input", "username").Should().BeTrue();
        HtmlForm.HasElement(html, "input", "password").Should().BeTrue();
        HtmlForm.HasElement(html, "button", "login").Should().BeTrue();
    }

    [Test]
    public async Task FaultNoTokenRequired_StillEnforcesThePatientCompartmentForTokens()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            Faults = ["fhir.no-token-required"],
            RedirectUris = [BrowserlessOAuthClient.RedirectUri],
        });
        using var client = new BrowserlessOAuthClient(host);
        var accessToken = Member(await TokenForAsync(client, SeedData.PublicClientId, PatientScopes, SeedData.AmyUsername, SeedData.AmyPassword), "access_token");

        using var own = await client.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", accessToken);
        using var other = await client.ReadFhirAsync($"Patient/{SeedData.Patient2Id}", accessToken);

        own.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task FaultDropS256_StillAcceptsS256InPractice()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            Faults = ["discovery.drop-s256"],
            RedirectUris = [BrowserlessOAuthClient.RedirectUri],
        });
        using var client = new BrowserlessOAuthClient(host);

        var token = await TokenForAsync(client, SeedData.PublicClientId, PatientScopes, SeedData.AmyUsername, SeedData.AmyPassword);

        Member(token, "access_token").Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task ExpiredAccessToken_Is401()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            AccessTokenLifetime = TimeSpan.FromSeconds(1),
            RedirectUris = [BrowserlessOAuthClient.RedirectUri],
        });
        using var client = new BrowserlessOAuthClient(host);
        var token = await TokenForAsync(client, SeedData.PublicClientId, PatientScopes, SeedData.AmyUsername, SeedData.AmyPassword);

        await Task.Delay(TimeSpan.FromSeconds(2));
        using var response = await client.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", Member(token, "access_token"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
    }

    private static async Task<JsonElement> TokenForAsync(BrowserlessOAuthClient client, string clientId, string scope,
        string username, string password, string? secret = null)
    {
        var callback = await client.AuthorizeAsync(clientId, scope, username, password);
        using var response = await client.ExchangeCodeAsync(clientId, callback["code"], secret);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }
}
