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

/// <summary>The reference server's EHR launch, driven with HttpClient: launch value, context in the token, refusals.</summary>
[TestFixture]
public sealed class EhrLaunchTests : ReferenceServerFixture
{
    private const string EhrScopes = "launch openid fhirUser patient/*.rs launch/encounter offline_access";
    private const string AppLaunchUrl = "http://127.0.0.1:53123/launch";
    private const string ContextReference = "Observation/" + SeedData.Patient2LabObservationId;

    [Test]
    public async Task EhrPage_PreselectsTheQueryAndOffersTheLaunchButton()
    {
        using var client = new BrowserlessOAuthClient(Host);
        using var page = await client.GetAsync($"/ehr?launch_url={Uri.EscapeDataString(AppLaunchUrl)}&client_id={SeedData.ConfidentialClientId}&patient={SeedData.Patient2Id}");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        HtmlForm.HasElement(html, "button", "launch-app").Should().BeTrue();
        html.Should().Contain($"""<option value="{SeedData.Patient1Id}">""");
        html.Should().Contain($"""<option value="{SeedData.Patient2Id}" selected>""");
    }

    [Test]
    public async Task Launch_SendsIssAndAnOpaqueLaunchToTheAppLaunchUrl()
    {
        using var client = new BrowserlessOAuthClient(Host);

        var (iss, launch) = await LaunchAsync(client, SeedData.ConfidentialClientId);

        iss.Should().Be(Host.FhirBaseUrl.AbsoluteUri);
        launch.Should().NotContain(SeedData.Patient2Id).And.HaveLength(43);
    }

    [Test]
    public async Task Authorize_WithTheLaunch_ReturnsTheEhrContextInTheTokenResponse()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var (_, launch) = await LaunchAsync(client, SeedData.ConfidentialClientId);

        var token = await TokenForLaunchAsync(client, launch);

        Member(token, "patient").Should().Be(SeedData.Patient2Id);
        Member(token, "encounter").Should().Be(SeedData.Patient2EncounterId);
        token.GetProperty("need_patient_banner").ValueKind.Should().Be(JsonValueKind.False);
        var fhirContext = token.GetProperty("fhirContext");
        fhirContext.ValueKind.Should().Be(JsonValueKind.Array);
        var items = fhirContext.EnumerateArray().ToList();
        items[0].GetProperty("reference").GetString().Should().Be(ContextReference);
        bool Has(JsonElement item, string field) => item.TryGetProperty(field, out var _);
        items.Where(i => Has(i, "canonical") && Has(i, "type")).Should().NotBeEmpty("a typed canonical item exercises the spec");
        items.Where(i => Has(i, "identifier") && Has(i, "type")).Should().NotBeEmpty("a typed identifier item exercises the spec");
        items.Where(i => i.TryGetProperty("role", out _)).Select(i => i.GetProperty("role").GetString())
            .Should().NotBeEmpty().And.OnlyContain(role => Uri.IsWellFormedUriString(role, UriKind.Absolute));
        var style = Member(token, "smart_style_url");
        using var styleResponse = await client.GetAsync(style);
        styleResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadJsonAsync(styleResponse)).TryGetProperty("color_background", out _).Should().BeTrue();

        var accessToken = Member(token, "access_token");
        new JsonWebToken(accessToken).Claims.Should().Contain(c => c.Type == "patient" && c.Value == SeedData.Patient2Id);
        using var own = await client.ReadFhirAsync($"Patient/{SeedData.Patient2Id}", accessToken);
        using var other = await client.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", accessToken);
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Refresh_KeepsTheEhrContext()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var (_, launch) = await LaunchAsync(client, SeedData.ConfidentialClientId);
        var token = await TokenForLaunchAsync(client, launch);

        using var refreshed = await client.RefreshAsync(SeedData.ConfidentialClientId, Member(token, "refresh_token"), SeedData.ConfidentialClientSecret);

        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await ReadJsonAsync(refreshed);
        Member(again, "patient").Should().Be(SeedData.Patient2Id);
        Member(again, "encounter").Should().Be(SeedData.Patient2EncounterId);
        again.GetProperty("fhirContext").GetArrayLength().Should().Be(token.GetProperty("fhirContext").GetArrayLength());
    }

    [Test]
    public async Task Launch_IsSingleUse()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var (_, launch) = await LaunchAsync(client, SeedData.ConfidentialClientId);
        await TokenForLaunchAsync(client, launch);

        using var replay = await client.GetAsync(AuthorizeUrl(client, SeedData.ConfidentialClientId, launch));

        CallbackParameters(replay)["error"].Should().Be("invalid_request");
    }

    [TestCase("forged-launch-value", TestName = "A forged launch value is refused")]
    [TestCase(null, TestName = "The launch scope without a launch value is refused")]
    public async Task Authorize_WithoutAValidLaunch_RedirectsWithInvalidRequest(string? launch)
    {
        using var client = new BrowserlessOAuthClient(Host);

        using var response = await client.GetAsync(AuthorizeUrl(client, SeedData.ConfidentialClientId, launch));

        var callback = CallbackParameters(response);
        callback["error"].Should().Be("invalid_request");
        callback["state"].Should().Be(client.State);
        callback.Should().NotContainKey("code");
    }

    [Test]
    public async Task Launch_IsBoundToItsClient()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var (_, launch) = await LaunchAsync(client, SeedData.ConfidentialClientId);

        using var response = await client.GetAsync(AuthorizeUrl(client, SeedData.PublicClientId, launch));

        CallbackParameters(response)["error"].Should().Be("invalid_request");
    }

    [Test]
    public async Task Launch_ForAnUnknownPatientOrApp_ShowsTheErrorOnTheEhrPage()
    {
        using var client = new BrowserlessOAuthClient(Host);

        using var unknownPatient = await PostLaunchAsync(client, SeedData.ConfidentialClientId, patient: "nobody");
        using var unknownApp = await PostLaunchAsync(client, "no-such-app", SeedData.Patient2Id);

        unknownPatient.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknownPatient.Content.ReadAsStringAsync()).Should().Contain("id=\"error\"");
        unknownApp.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Discovery_AdvertisesTheEhrLaunchCapabilities()
    {
        using var client = new BrowserlessOAuthClient(Host);
        using var response = await client.GetAsync($"{Host.FhirBaseUrl}/.well-known/smart-configuration");

        var capabilities = (await ReadJsonAsync(response)).GetProperty("capabilities").EnumerateArray().Select(c => c.GetString());

        capabilities.Should().Contain(["launch-ehr", "context-ehr-patient", "context-ehr-encounter", "context-banner", "context-style"]);
    }

    private static Task<HttpResponseMessage> PostLaunchAsync(BrowserlessOAuthClient client, string clientId, string patient) =>
        client.PostFormAsync("/ehr/launch",
        [
            new("launch_url", AppLaunchUrl), new("client_id", clientId), new("patient", patient),
            new("encounter", patient == SeedData.Patient2Id ? SeedData.Patient2EncounterId : ""),
            new("context", ContextReference), new("need_patient_banner", "false"),
        ]);

    private static async Task<(string Iss, string Launch)> LaunchAsync(BrowserlessOAuthClient client, string clientId)
    {
        using var response = await PostLaunchAsync(client, clientId, SeedData.Patient2Id);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.AbsoluteUri;
        location.Should().StartWith(AppLaunchUrl + "?");
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        return (query["iss"].ToString(), query["launch"].ToString());
    }

    private static string AuthorizeUrl(BrowserlessOAuthClient client, string clientId, string? launch) =>
        client.AuthorizeUrl(clientId, EhrScopes) + (launch is null ? "" : $"&launch={Uri.EscapeDataString(launch)}");

    private static async Task<JsonElement> TokenForLaunchAsync(BrowserlessOAuthClient client, string launch)
    {
        var consent = await client.SignInAsync(AuthorizeUrl(client, SeedData.ConfidentialClientId, launch), SeedData.DrSmithUsername, SeedData.DrSmithPassword);
        using var approved = await client.SubmitAsync(consent, "consent-form", ("consent", "approve"));
        var callback = CallbackParameters(approved);
        using var response = await client.ExchangeCodeAsync(SeedData.ConfidentialClientId, callback["code"], SeedData.ConfidentialClientSecret);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }
}
