using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;
using static SmartConformance.SelfTests.ReferenceServer.Support.BrowserlessOAuthClient;
using Task = System.Threading.Tasks.Task;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>RFC 7591 registration at /register, and online_access refresh tokens that end when the user logs out.</summary>
[TestFixture]
public sealed class RegistrationAndSessionTests : ReferenceServerFixture
{
    private const string Scope = "launch/patient openid fhirUser patient/Patient.rs";

    [Test]
    public async Task Registration_IsAdvertisedInDiscovery()
    {
        var json = JsonDocument.Parse(await Http.GetStringAsync($"{Host.FhirBaseUrl}/.well-known/smart-configuration")).RootElement;
        json.GetProperty("registration_endpoint").GetString().Should().Be(new Uri(Host.BaseUrl, "register").AbsoluteUri);
    }

    [Test]
    public async Task PublicRegistration_GivesAClientIdThatAuthorizes()
    {
        var registered = await RegisterAsync(new { redirect_uris = new[] { RedirectUri }, token_endpoint_auth_method = "none", scope = Scope });
        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        var json = await ReadJsonAsync(registered);
        var clientId = Member(json, "client_id");
        json.TryGetProperty("client_secret", out _).Should().BeFalse();

        using var client = new BrowserlessOAuthClient(Host);
        var callback = await client.AuthorizeAsync(clientId, Scope, SeedData.AmyUsername, SeedData.AmyPassword);
        using var token = await client.ExchangeCodeAsync(clientId, callback["code"]);
        token.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ConfidentialRegistration_IssuesASecretThatAuthenticates()
    {
        var registered = await RegisterAsync(new { redirect_uris = new[] { RedirectUri }, token_endpoint_auth_method = "client_secret_post", scope = Scope });
        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        var json = await ReadJsonAsync(registered);
        var (clientId, secret) = (Member(json, "client_id"), Member(json, "client_secret"));

        using var client = new BrowserlessOAuthClient(Host);
        var callback = await client.AuthorizeAsync(clientId, Scope, SeedData.AmyUsername, SeedData.AmyPassword);
        using var wrong = await client.ExchangeCodeAsync(clientId, callback["code"], clientSecret: "wrong");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var right = await client.ExchangeCodeAsync(clientId, callback["code"], clientSecret: secret);
        right.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("https://app.example.org/cb#fragment", "invalid_redirect_uri")]
    [TestCase("/callback", "invalid_redirect_uri")]
    [TestCase("http://app.example.org/cb", "invalid_redirect_uri")]
    public async Task BadRedirectUris_AreRefused(string redirectUri, string error)
    {
        var answer = await RegisterAsync(new { redirect_uris = new[] { redirectUri }, token_endpoint_auth_method = "none" });
        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Member(await ReadJsonAsync(answer), "error").Should().Be(error);
    }

    [Test]
    public async Task OtherBadMetadata_IsRefusedWithTheRfc7591Codes()
    {
        var missing = await RegisterAsync(new { token_endpoint_auth_method = "none" });
        Member(await ReadJsonAsync(missing), "error").Should().Be("invalid_redirect_uri");
        var method = await RegisterAsync(new { redirect_uris = new[] { RedirectUri }, token_endpoint_auth_method = "private_key_jwt" });
        method.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Member(await ReadJsonAsync(method), "error").Should().Be("invalid_client_metadata");
    }

    [Test]
    public async Task OnlineAccess_RefreshesUntilTheUserLogsOut()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var callback = await client.AuthorizeAsync(SeedData.ConfidentialClientId, Scope + " online_access", SeedData.AmyUsername, SeedData.AmyPassword);
        using var exchanged = await client.ExchangeCodeAsync(SeedData.ConfidentialClientId, callback["code"], SeedData.ConfidentialClientSecret);
        var refresh = Member(await ReadJsonAsync(exchanged), "refresh_token");

        using var whileSignedIn = await client.RefreshAsync(SeedData.ConfidentialClientId, refresh, SeedData.ConfidentialClientSecret);
        whileSignedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        var rotated = Member(await ReadJsonAsync(whileSignedIn), "refresh_token");

        using var logout = await client.GetAsync("/logout");
        logout.StatusCode.Should().Be(HttpStatusCode.OK);
        using var afterLogout = await client.RefreshAsync(SeedData.ConfidentialClientId, rotated, SeedData.ConfidentialClientSecret);
        afterLogout.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Member(await ReadJsonAsync(afterLogout), "error").Should().Be("invalid_grant");
    }

    [Test]
    public async Task OfflineAccess_OutlivesTheSession()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var callback = await client.AuthorizeAsync(SeedData.ConfidentialClientId, Scope + " offline_access", SeedData.AmyUsername, SeedData.AmyPassword);
        using var exchanged = await client.ExchangeCodeAsync(SeedData.ConfidentialClientId, callback["code"], SeedData.ConfidentialClientSecret);
        var refresh = Member(await ReadJsonAsync(exchanged), "refresh_token");

        using var logout = await client.GetAsync("/logout");
        using var afterLogout = await client.RefreshAsync(SeedData.ConfidentialClientId, refresh, SeedData.ConfidentialClientSecret);
        afterLogout.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> RegisterAsync(object metadata) => Http.PostAsJsonAsync(new Uri(Host.BaseUrl, "register"), metadata);
}
