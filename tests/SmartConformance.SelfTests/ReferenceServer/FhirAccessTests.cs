using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;

namespace SmartConformance.SelfTests.ReferenceServer;

[TestFixture]
public sealed class FhirAccessTests
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

    [TestCase("Patient/" + SeedData.Patient1Id)]
    [TestCase("Observation/" + SeedData.Patient1LabObservationId)]
    [TestCase("Observation?patient=" + SeedData.Patient1Id)]
    [TestCase("Encounter/" + SeedData.Patient1EncounterId)]
    [TestCase("Condition/" + SeedData.Patient1ConditionId)]
    public async Task DataRead_WithoutToken_Is401WithBearerChallenge(string relativeUrl)
    {
        using var response = await _http.GetAsync($"{_host.FhirBaseUrl}/{relativeUrl}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
    }

    [Test]
    public async Task DataRead_WithGarbageToken_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_host.FhirBaseUrl}/Patient/{SeedData.Patient1Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
    }
}
