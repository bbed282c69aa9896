using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;
using static SmartConformance.SelfTests.ReferenceServer.Support.BrowserlessOAuthClient;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>The resource server's scope rules beyond the patient compartment: types, granular categories, writes, includes.</summary>
[TestFixture]
public sealed class ScopeEnforcementTests : ReferenceServerFixture
{
    [Test]
    public async Task GranularScope_ReachesOnlyItsCategory()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await AccessTokenAsync(client, $"launch/patient patient/Patient.rs {SeedData.GranularLabObservationScope}");

        using var search = await client.ReadFhirAsync($"Observation?patient={SeedData.Patient1Id}", token);
        var ids = EntryIds(await ReadJsonAsync(search));
        ids.Should().Equal(SeedData.Patient1LabObservationId);
        using var vitals = await client.ReadFhirAsync($"Observation/{SeedData.Patient1VitalSignsObservationId}", token);
        vitals.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task TypeOutsideTheScope_IsForbiddenEvenForTheLaunchPatient()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await AccessTokenAsync(client, "launch/patient patient/Patient.rs patient/Observation.rs");

        using var condition = await client.ReadFhirAsync($"Condition?patient={SeedData.Patient1Id}", token);
        condition.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await condition.Content.ReadAsStringAsync()).Should().Contain("OperationOutcome");
    }

    [Test]
    public async Task Writes_NeedAWriteScope()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var readOnly = await AccessTokenAsync(client, "launch/patient patient/Observation.rs");
        using var refused = await PostObservationAsync(client, readOnly);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var writer = new BrowserlessOAuthClient(Host);
        var readWrite = await AccessTokenAsync(writer, "launch/patient patient/Observation.cruds");
        using var created = await PostObservationAsync(writer, readWrite);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.AbsoluteUri.Should().StartWith($"{Host.FhirBaseUrl.AbsoluteUri}/Observation/");
        using var readBack = await writer.ReadFhirAsync(created.Headers.Location.AbsoluteUri[(Host.FhirBaseUrl.AbsoluteUri.Length + 1)..], readWrite);
        readBack.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Includes_NeverPullInAnotherPatient()
    {
        using var client = new BrowserlessOAuthClient(Host);
        var token = await AccessTokenAsync(client, "launch/patient patient/Patient.rs patient/Observation.rs");

        using var included = await client.ReadFhirAsync("Observation?_include=Observation:subject", token);
        var ids = EntryIds(await ReadJsonAsync(included));
        ids.Should().Contain(SeedData.Patient1Id).And.Contain(SeedData.Patient1LabObservationId)
            .And.NotContain(SeedData.Patient2Id).And.NotContain(SeedData.Patient2LabObservationId);
        using var revIncluded = await client.ReadFhirAsync($"Patient?_revinclude=Observation:subject", token);
        EntryIds(await ReadJsonAsync(revIncluded)).Should().BeEquivalentTo(
            [SeedData.Patient1Id, SeedData.Patient1LabObservationId, SeedData.Patient1VitalSignsObservationId]);
    }

    private static async Task<string> AccessTokenAsync(BrowserlessOAuthClient client, string scope)
    {
        var callback = await client.AuthorizeAsync(SeedData.PublicClientId, scope, SeedData.AmyUsername, SeedData.AmyPassword);
        using var response = await client.ExchangeCodeAsync(SeedData.PublicClientId, callback["code"]);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return Member(await ReadJsonAsync(response), "access_token");
    }

    private Task<HttpResponseMessage> PostObservationAsync(BrowserlessOAuthClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Host.FhirBaseUrl.AbsoluteUri}/Observation")
        {
            Content = new StringContent($$$"""{"resourceType":"Observation","status":"final","code":{"text":"probe"},"subject":{"reference":"Patient/{{{SeedData.Patient1Id}}}"} }""",
                Encoding.UTF8, "application/fhir+json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        return client.SendAsync(request);
    }

    private static List<string> EntryIds(JsonElement bundle) =>
        bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()!).ToList();
}
