using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;
using static SmartConformance.SelfTests.ReferenceServer.Support.BrowserlessOAuthClient;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>The reference server's RFC 7662 introspection and RFC 7009 revocation endpoints, driven with HttpClient.</summary>
[TestFixture]
public sealed class IntrospectionRevocationTests : ReferenceServerFixture
{
    private const string Scopes = "openid fhirUser launch/patient patient/*.rs offline_access";

    [Test]
    public async Task Discovery_AdvertisesBothEndpoints()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var json = await ReadJsonAsync(await client.GetAsync($"{Host.FhirBaseUrl}/.well-known/smart-configuration"));

        Member(json, "introspection_endpoint").Should().Be(Host.BaseUrl + "introspect");
        Member(json, "revocation_endpoint").Should().Be(Host.BaseUrl + "revoke");
    }

    [Test]
    public async Task ActiveToken_IntrospectsWithScopeClientExpAndPatient_EvenWhenIssuedToAnotherClient()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await TokenAsync(client, SeedData.PublicClientId);

        var json = await ReadJsonAsync(await IntrospectAsync(Member(token, "access_token"), authenticate: true));

        json.GetProperty("active").GetBoolean().Should().BeTrue();
        Member(json, "client_id").Should().Be(SeedData.PublicClientId);
        // The public client is not registered for offline access, so the grant is the request less offline_access.
        Member(json, "scope").Split(' ').Should().BeEquivalentTo(Member(token, "scope").Split(' '));
        Member(json, "scope").Split(' ').Should().Contain(["openid", "fhirUser", "launch/patient", "patient/*.rs"]);
        Member(json, "patient").Should().Be(SeedData.Patient1Id);
        Member(json, "sub").Should().Be(SeedData.AmyUsername);
        Member(json, "fhirUser").Should().EndWith(SeedData.AmyFhirUser);
        json.GetProperty("exp").GetInt64().Should().BeGreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Test]
    public async Task UnknownToken_IntrospectsAsInactive_AndUnauthenticatedCallersGet401()
    {
        using var client = new BrowserlessOAuthClient(Host);

        using var unknown = await IntrospectAsync("not-a-token", authenticate: true);
        using var anonymous = await IntrospectAsync("not-a-token", authenticate: false);

        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        (await unknown.Content.ReadAsStringAsync()).Should().MatchRegex("""^\{\s*"active":\s*false\s*\}$""");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task RevokedAccessToken_Is401AtFhirAndInactive_AndUnknownTokensRevokeWith200()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var accessToken = Member(await TokenAsync(client, SeedData.ConfidentialClientId), "access_token");

        using var revoke = await RevokeAsync(accessToken);
        using var unknown = await RevokeAsync("not-a-token");
        using var read = await client.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", accessToken);
        var introspection = await ReadJsonAsync(await IntrospectAsync(accessToken, authenticate: true));

        revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        read.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        introspection.GetProperty("active").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task RevokedRefreshToken_CannotRefresh()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var refreshToken = Member(await TokenAsync(client, SeedData.ConfidentialClientId), "refresh_token");

        using var revoke = await RevokeAsync(refreshToken);
        using var refresh = await client.RefreshAsync(SeedData.ConfidentialClientId, refreshToken, SeedData.ConfidentialClientSecret);

        revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        refresh.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Member(await ReadJsonAsync(refresh), "error").Should().Be("invalid_grant");
    }

    private static async Task<JsonElement> TokenAsync(BrowserlessOAuthClient client, string clientId)
    {
        var secret = clientId == SeedData.ConfidentialClientId ? SeedData.ConfidentialClientSecret : null;
        var callback = await client.AuthorizeAsync(clientId, Scopes, SeedData.AmyUsername, SeedData.AmyPassword);
        using var response = await client.ExchangeCodeAsync(clientId, callback["code"], secret);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await ReadJsonAsync(response);
    }

    private Task<HttpResponseMessage> IntrospectAsync(string token, bool authenticate) => PostAsync("introspect", token, authenticate);

    private Task<HttpResponseMessage> RevokeAsync(string token) => PostAsync("revoke", token, authenticate: true);

    private async Task<HttpResponseMessage> PostAsync(string path, string token, bool authenticate)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseUrl, path))
        {
            Content = new FormUrlEncodedContent([new("token", token)]),
        };
        if (authenticate)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SeedData.ConfidentialClientId}:{SeedData.ConfidentialClientSecret}")));
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
