using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;

namespace SmartConformance.SelfTests.ReferenceServer;

[TestFixture]
public sealed class FhirAccessTests : ReferenceServerFixture
{
    [TestCase("Patient/" + SeedData.Patient1Id)]
    [TestCase("Observation/" + SeedData.Patient1LabObservationId)]
    [TestCase("Observation?patient=" + SeedData.Patient1Id)]
    [TestCase("Encounter/" + SeedData.Patient1EncounterId)]
    [TestCase("Condition/" + SeedData.Patient1ConditionId)]
    public async Task DataRead_WithoutToken_Is401WithBearerChallenge(string relativeUrl)
    {
        using var response = await Http.GetAsync($"{Host.FhirBaseUrl}/{relativeUrl}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
    }

    [Test]
    public async Task DataRead_WithGarbageToken_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Host.FhirBaseUrl}/Patient/{SeedData.Patient1Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
    }
}
