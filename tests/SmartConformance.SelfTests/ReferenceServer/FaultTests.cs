using System.Net;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;

namespace SmartConformance.SelfTests.ReferenceServer;

[TestFixture]
public sealed class FaultTests
{
    private readonly HttpClient _http = new();

    [OneTimeTearDown]
    public void DisposeClient() => _http.Dispose();

    [Test]
    public void Catalog_ListsEveryFaultWithItsExpectedChecks()
    {
        FaultCatalog.All.Select(f => f.Name).Should().OnlyHaveUniqueItems().And.Contain(["fhir.no-token-required", "discovery.drop-s256"]);
        FaultCatalog.All.Should().OnlyContain(f =>
            f.Description.Length > 0 && f.Spec.Length > 0 && (f.ExpectedChecks.Count > 0 || f.ExpectedWarnings != null && f.ExpectedWarnings.Count > 0));
        FaultCatalog.Find("fhir.no-token-required")!.ExpectedChecks.Should().Equal("RS-01", "RS-02", "RS-03", "BSV-06");
        FaultCatalog.Find("discovery.drop-s256")!.ExpectedChecks.Should().Equal("DISC-04");
        FaultCatalog.Find("no.such-fault").Should().BeNull();
    }

    [Test]
    public async Task UnknownFault_FailsTheStartAndNamesTheValidFaults()
    {
        var start = () => ReferenceServerHost.StartAsync(new ReferenceServerOptions { Faults = ["no.such-fault"] });

        var failure = await start.Should().ThrowAsync<ArgumentException>();
        failure.Which.Message.Should().Contain("no.such-fault")
            .And.Contain("fhir.no-token-required")
            .And.Contain("discovery.drop-s256");
    }

    [Test]
    public async Task NoTokenRequired_ServesFhirDataWithoutAToken()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Faults = ["fhir.no-token-required"] });

        using var response = await _http.GetAsync($"{host.FhirBaseUrl}/Patient/{SeedData.Patient1Id}");

        host.Faults.Should().Equal("fhir.no-token-required");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(SeedData.Patient1Id);
    }

    [Test]
    public async Task DropS256_LeavesAnEmptyCodeChallengeMethodsArray()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Faults = ["discovery.drop-s256"] });

        var json = JsonDocument.Parse(await _http.GetStringAsync($"{host.FhirBaseUrl}/.well-known/smart-configuration")).RootElement;

        var methods = json.GetProperty("code_challenge_methods_supported");
        methods.ValueKind.Should().Be(JsonValueKind.Array);
        methods.GetArrayLength().Should().Be(0);
    }
}
