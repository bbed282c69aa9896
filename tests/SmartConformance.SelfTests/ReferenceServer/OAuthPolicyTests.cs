using System.Net;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;
using static SmartConformance.SelfTests.ReferenceServer.Support.BrowserlessOAuthClient;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>The reference server's OAuth policies: scope refusal, offline access, refresh rules and honest token lifetimes.</summary>
[TestFixture]
public sealed class OAuthPolicyTests : ReferenceServerFixture
{
    private const string Scopes = "openid fhirUser launch/patient patient/Patient.rs patient/Observation.rs offline_access";

    [TestCase("smartconformance.unknown")]
    [TestCase("patient/Patient.sr")]
    public async Task UnknownOrMalformedScope_IsRedirectedAsInvalidScopeWithTheState(string scope)
    {
        using var client = new BrowserlessOAuthClient(Host);

        using var response = await client.GetAsync(client.AuthorizeUrl(SeedData.PublicClientId, $"launch/patient {scope}"));

        var callback = CallbackParameters(response);
        callback["error"].Should().Be("invalid_scope");
        callback["state"].Should().Be(client.State);
        callback.Should().NotContainKey("code");
    }

    [Test]
    public async Task ConfidentialClient_IsRegisteredForOfflineAccess()
    {
        using var client = new BrowserlessOAuthClient(Host);

        var token = await TokenAsync(client, SeedData.ConfidentialClientId, SeedData.ConfidentialClientSecret);

        Member(token, "scope").Split(' ').Should().Contain("offline_access");
        token.TryGetProperty("refresh_token", out _).Should().BeTrue();
    }

    [Test]
    public async Task Refresh_WithBroaderScope_IsInvalidScope_AndTheUsedRefreshTokenIsDead()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await TokenAsync(client, SeedData.ConfidentialClientId, SeedData.ConfidentialClientSecret);
        var original = Member(token, "refresh_token");

        using var broader = await client.PostFormAsync("token", Refresh(original, $"{Scopes} user/*.rs"));
        using var plain = await client.PostFormAsync("token", Refresh(original, scope: null));
        using var replay = await client.PostFormAsync("token", Refresh(original, scope: null));

        broader.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Member(await ReadJsonAsync(broader), "error").Should().Be("invalid_scope");
        plain.StatusCode.Should().Be(HttpStatusCode.OK);
        Member(await ReadJsonAsync(plain), "scope").Split(' ').Should().BeEquivalentTo(Scopes.Split(' '));
        Member(await ReadJsonAsync(replay), "error").Should().Be("invalid_grant");
    }

    [Test]
    public async Task Refresh_WithNarrowerScope_AnswersWithThatScope()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await TokenAsync(client, SeedData.ConfidentialClientId, SeedData.ConfidentialClientSecret);

        using var narrower = await client.PostFormAsync("token", Refresh(Member(token, "refresh_token"), "launch/patient patient/Patient.rs offline_access"));

        // OpenIddict leaves scope out when it equals the request; SMART requires it in every refresh response.
        Member(await ReadJsonAsync(narrower), "scope").Split(' ').Should().BeEquivalentTo("launch/patient", "patient/Patient.rs", "offline_access");
    }

    [Test]
    public async Task ShortLivedClient_TokensLiveSeconds_AndAreRefusedAfterwards()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await TokenAsync(client, SeedData.ShortLivedClientId, secret: null);
        var expiresIn = token.GetProperty("expires_in").GetInt32();
        expiresIn.Should().BeInRange(3, 4);
        token.TryGetProperty("refresh_token", out _).Should().BeFalse("the short-lived client is not registered for offline access");

        await Task.Delay(TimeSpan.FromSeconds(expiresIn + 0.5));
        using var read = await client.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", Member(token, "access_token"));

        read.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task OneSecondLifetime_StillAnnouncesAPositiveExpiresIn()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            AccessTokenLifetime = TimeSpan.FromSeconds(1),
            RedirectUris = [RedirectUri],
        });
        for (var i = 0; i < 3; i++)
        {
            using var client = new BrowserlessOAuthClient(host);
            var token = await TokenAsync(client, SeedData.PublicClientId, secret: null);
            token.GetProperty("expires_in").GetInt32().Should().BePositive("OpenIddict truncates the creation date; the server rounds the expiry up");
        }
    }

    private static List<KeyValuePair<string, string>> Refresh(string refreshToken, string? scope)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("grant_type", "refresh_token"), new("refresh_token", refreshToken),
            new("client_id", SeedData.ConfidentialClientId), new("client_secret", SeedData.ConfidentialClientSecret),
        ];
        if (scope is not null) fields.Add(new("scope", scope));
        return fields;
    }

    private static async Task<JsonElement> TokenAsync(BrowserlessOAuthClient client, string clientId, string? secret)
    {
        var callback = await client.AuthorizeAsync(clientId, Scopes, SeedData.AmyUsername, SeedData.AmyPassword);
        using var response = await client.ExchangeCodeAsync(clientId, callback["code"], secret);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }
}
