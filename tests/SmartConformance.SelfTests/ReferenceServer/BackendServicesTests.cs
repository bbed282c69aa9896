using System.Net;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Backend;
using SmartConformance.Harness.Profiles;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>The reference server's client_credentials grant and SMART client assertion validation, without the suite.</summary>
[TestFixture]
public sealed class BackendServicesTests : ReferenceServerFixture
{
    private static readonly BackendServicesProfile Backend = ProfileLoader.Load(RepoPaths.Profile("reference.json")).Profile.BackendServices!;

    private Uri TokenEndpoint => new(Host.BaseUrl, "token");

    private async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(string scope, string assertion)
    {
        using var response = await Http.PostAsync(TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = scope,
            ["client_assertion_type"] = ClientAssertion.JwtBearerType, ["client_assertion"] = assertion,
        }));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    [TestCase(0), TestCase(1)]
    public async Task A_SMART_assertion_gets_a_five_minute_token_for_the_requested_system_scopes(int key)
    {
        var (status, body) = await RequestAsync("system/Patient.rs", ClientAssertion.Create(Backend.Keys[key], SeedData.BackendClientId, TokenEndpoint));

        status.Should().Be(HttpStatusCode.OK, body.ToString());
        body.GetProperty("scope").GetString().Should().Be("system/Patient.rs");
        body.GetProperty("expires_in").GetInt32().Should().BeInRange(1, 300);
        body.TryGetProperty("refresh_token", out _).Should().BeFalse();
    }

    [Test]
    public async Task Scopes_beyond_the_pre_authorization_are_dropped_and_none_left_is_invalid_scope()
    {
        var (_, narrowed) = await RequestAsync("system/Patient.rs system/Condition.rs", ClientAssertion.Create(Backend.Keys[0], SeedData.BackendClientId, TokenEndpoint));
        narrowed.GetProperty("scope").GetString().Should().Be("system/Patient.rs");

        var (status, refused) = await RequestAsync("system/Condition.rs", ClientAssertion.Create(Backend.Keys[0], SeedData.BackendClientId, TokenEndpoint));
        status.Should().Be(HttpStatusCode.BadRequest);
        refused.GetProperty("error").GetString().Should().Be("invalid_scope");
    }

    [Test]
    public async Task A_replayed_assertion_is_invalid_client()
    {
        var assertion = ClientAssertion.Create(Backend.Keys[1], SeedData.BackendClientId, TokenEndpoint);
        (await RequestAsync("system/Patient.rs", assertion)).Status.Should().Be(HttpStatusCode.OK);

        var (status, body) = await RequestAsync("system/Patient.rs", assertion);
        ((int)status).Should().BeOneOf(400, 401);
        body.GetProperty("error").GetString().Should().Be("invalid_client");
    }

    [Test]
    public async Task Only_a_token_with_the_introspect_scope_authorizes_introspection_as_a_bearer()
    {
        var (_, data) = await RequestAsync("system/Patient.rs", ClientAssertion.Create(Backend.Keys[0], SeedData.BackendClientId, TokenEndpoint));
        var (_, introspector) = await RequestAsync("introspect", ClientAssertion.Create(Backend.Keys[0], SeedData.BackendClientId, TokenEndpoint));
        var dataToken = data.GetProperty("access_token").GetString()!;

        var (allowed, json) = await IntrospectWithBearerAsync(dataToken, introspector.GetProperty("access_token").GetString()!);
        var (unscoped, _) = await IntrospectWithBearerAsync(dataToken, dataToken);
        var (madeUp, _) = await IntrospectWithBearerAsync(dataToken, "not-a-token");

        allowed.Should().Be(HttpStatusCode.OK);
        json.GetProperty("active").GetBoolean().Should().BeTrue();
        json.GetProperty("scope").GetString().Should().Be("system/Patient.rs");
        unscoped.Should().Be(HttpStatusCode.Unauthorized);
        madeUp.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> IntrospectWithBearerAsync(string token, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseUrl, "introspect"))
        {
            Content = new FormUrlEncodedContent([new("token", token)]),
            Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer) },
        };
        using var response = await Http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }
}
