using System.Net;
using System.Text.Json;
using FluentAssertions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NUnit.Framework;
using SmartConformance.ReferenceServer;
using Task = System.Threading.Tasks.Task;
using SmartConformance.SelfTests.ReferenceServer.Support;

namespace SmartConformance.SelfTests.ReferenceServer;

[TestFixture]
public sealed class DiscoveryTests : ReferenceServerFixture
{
    [Test]
    public void Host_ListensOnLoopbackWithARandomPort()
    {
        Host.BaseUrl.Host.Should().Be("127.0.0.1");
        Host.BaseUrl.Port.Should().BePositive();
        Host.BaseUrl.AbsoluteUri.Should().Be($"http://127.0.0.1:{Host.BaseUrl.Port}/");
        Host.FhirBaseUrl.AbsoluteUri.Should().Be($"http://127.0.0.1:{Host.BaseUrl.Port}/fhir");
        Host.Faults.Should().BeEmpty();
    }

    [Test]
    public async Task SmartConfiguration_IsJsonWithTheRequiredFields()
    {
        using var response = await Http.GetAsync($"{Host.FhirBaseUrl}/.well-known/smart-configuration");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var json = await ReadJsonAsync(response);
        var baseUrl = Host.BaseUrl.AbsoluteUri;
        json.GetProperty("issuer").GetString().Should().Be(baseUrl);
        json.GetProperty("jwks_uri").GetString().Should().Be(baseUrl + ".well-known/jwks");
        json.GetProperty("authorization_endpoint").GetString().Should().Be(baseUrl + "authorize");
        json.GetProperty("token_endpoint").GetString().Should().Be(baseUrl + "token");
        Strings(json, "grant_types_supported").Should().BeEquivalentTo("authorization_code", "refresh_token", "client_credentials");
        Strings(json, "code_challenge_methods_supported").Should().Equal("S256");
        Strings(json, "token_endpoint_auth_methods_supported").Should().BeEquivalentTo("client_secret_basic", "client_secret_post", "private_key_jwt");
        Strings(json, "token_endpoint_auth_signing_alg_values_supported").Should().BeEquivalentTo("RS384", "ES384");
        Strings(json, "response_types_supported").Should().Equal("code");
        Strings(json, "scopes_supported").Should().BeEquivalentTo(SeedData.Scopes);
        Strings(json, "capabilities").Should().BeEquivalentTo(
            "launch-standalone", "client-public", "client-confidential-symmetric", "client-confidential-asymmetric", "context-standalone-patient", "context-standalone-encounter",
            "permission-offline", "permission-online", "permission-patient", "permission-user", "permission-v1", "permission-v2", "sso-openid-connect",
            "launch-ehr", "context-ehr-patient", "context-ehr-encounter", "context-banner", "context-style",
            "authorize-post");
    }

    [Test]
    public async Task SmartConfiguration_AtTheRootMatchesTheOneUnderTheFhirBase()
    {
        var underFhir = await Http.GetStringAsync($"{Host.FhirBaseUrl}/.well-known/smart-configuration");
        var atRoot = await Http.GetStringAsync(new Uri(Host.BaseUrl, ".well-known/smart-configuration"));

        atRoot.Should().Be(underFhir);
    }

    [Test]
    public async Task SmartConfiguration_IssuerMatchesOpenIdConfiguration()
    {
        var smart = JsonDocument.Parse(await Http.GetStringAsync($"{Host.FhirBaseUrl}/.well-known/smart-configuration"));
        var openId = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Host.BaseUrl, ".well-known/openid-configuration")));

        smart.RootElement.GetProperty("issuer").GetString().Should().Be(openId.RootElement.GetProperty("issuer").GetString());
        Strings(openId.RootElement, "code_challenge_methods_supported").Should().Equal("S256");
    }

    [TestCase(".well-known/smart-configuration")]
    [TestCase("metadata")]
    public async Task DiscoveryResponses_AllowCrossOriginReads(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Host.FhirBaseUrl}/{path}");
        request.Headers.Add("Origin", "http://app.example");

        using var response = await Http.SendAsync(request);

        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }

    [Test]
    public async Task Metadata_IsACapabilityStatementAdvertisingSmartOAuthUris()
    {
        using var response = await Http.GetAsync($"{Host.FhirBaseUrl}/metadata");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        var statement = JsonSerializer.Deserialize<CapabilityStatement>(
            await response.Content.ReadAsStringAsync(), new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector))!;
        statement.FhirVersion.Should().Be(FHIRVersion.N4_0_1);
        var security = statement.Rest.Single().Security!;
        security.Service.SelectMany(c => c.Coding).Should().ContainSingle(c =>
            c.System == "http://terminology.hl7.org/CodeSystem/restful-security-service" && c.Code == "SMART-on-FHIR");
        var oauthUris = security.GetExtension("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")!;
        oauthUris.GetExtensionValue<FhirUri>("authorize")!.Value.Should().Be(Host.BaseUrl.AbsoluteUri + "authorize");
        oauthUris.GetExtensionValue<FhirUri>("token")!.Value.Should().Be(Host.BaseUrl.AbsoluteUri + "token");
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static List<string?> Strings(JsonElement json, string property) =>
        json.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();
}
