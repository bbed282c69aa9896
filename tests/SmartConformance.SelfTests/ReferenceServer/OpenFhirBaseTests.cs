using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>/open-fhir: the same data as /fhir with no authorization, and nothing that says SMART.</summary>
[TestFixture]
public sealed class OpenFhirBaseTests
{
    private ReferenceServerHost _host = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions());
        _http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [TestCase("Patient/" + SeedData.Patient2Id)]
    [TestCase("Observation?patient=" + SeedData.Patient1Id)]
    [TestCase("Condition/" + SeedData.Patient2ConditionId)]
    public async Task Reads_WithoutAToken_AreServed(string relativeUrl)
    {
        using var response = await _http.GetAsync($"{_host.OpenFhirBaseUrl}/{relativeUrl}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task AnInvalidToken_IsIgnored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_host.OpenFhirBaseUrl}/Patient/{SeedData.Patient1Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Metadata_DeclaresNoSecurity_AndThereIsNoSmartConfiguration()
    {
        var metadata = await _http.GetStringAsync($"{_host.OpenFhirBaseUrl}/metadata");
        metadata.Should().Contain("CapabilityStatement").And.NotContain("SMART-on-FHIR").And.NotContain("oauth-uris");

        using var discovery = await _http.GetAsync($"{_host.OpenFhirBaseUrl}/.well-known/smart-configuration");
        discovery.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Writes_AreNotOffered()
    {
        using var response = await _http.PostAsync($"{_host.OpenFhirBaseUrl}/Observation", new StringContent("{}"));

        response.StatusCode.Should().BeOneOf(HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound);
    }
}
