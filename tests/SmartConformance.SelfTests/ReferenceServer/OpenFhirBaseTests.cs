using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>/open-fhir: the same data as /fhir with no authorization, and nothing that says SMART.</summary>
[TestFixture]
public sealed class OpenFhirBaseTests : ReferenceServerFixture
{
    [TestCase("Patient/" + SeedData.Patient2Id)]
    [TestCase("Observation?patient=" + SeedData.Patient1Id)]
    [TestCase("Condition/" + SeedData.Patient2ConditionId)]
    public async Task Reads_WithoutAToken_AreServed(string relativeUrl)
    {
        using var response = await Http.GetAsync($"{Host.OpenFhirBaseUrl}/{relativeUrl}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task AnInvalidToken_IsIgnored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Host.OpenFhirBaseUrl}/Patient/{SeedData.Patient1Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Metadata_DeclaresNoSecurity_AndThereIsNoSmartConfiguration()
    {
        var metadata = await Http.GetStringAsync($"{Host.OpenFhirBaseUrl}/metadata");
        metadata.Should().Contain("CapabilityStatement").And.NotContain("SMART-on-FHIR").And.NotContain("oauth-uris");

        using var discovery = await Http.GetAsync($"{Host.OpenFhirBaseUrl}/.well-known/smart-configuration");
        discovery.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Writes_AreNotOffered()
    {
        using var response = await Http.PostAsync($"{Host.OpenFhirBaseUrl}/Observation", new StringContent("{}"));

        response.StatusCode.Should().BeOneOf(HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound);
    }
}
