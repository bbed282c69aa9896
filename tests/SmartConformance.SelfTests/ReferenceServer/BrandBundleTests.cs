using System.Net;
using System.Text.Json;
using FluentAssertions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NUnit.Framework;
using SmartConformance.SelfTests.ReferenceServer.Support;
using Task = System.Threading.Tasks.Task;

namespace SmartConformance.SelfTests.ReferenceServer;

[TestFixture]
public sealed class BrandBundleTests : ReferenceServerFixture
{
    [Test]
    public async Task Discovery_NamesTheBrandBundleAndThePrimaryBrand()
    {
        var json = JsonDocument.Parse(await Http.GetStringAsync($"{Host.FhirBaseUrl}/.well-known/smart-configuration")).RootElement;

        json.GetProperty("user_access_brand_bundle").GetString().Should().Be(Host.BaseUrl.AbsoluteUri + "brands/user-access-brands.json");
        var identifier = json.GetProperty("user_access_brand_identifier");
        identifier.GetProperty("system").GetString().Should().Be("urn:ietf:rfc:3986");
        identifier.GetProperty("value").GetString().Should().Be("https://reference.smart-conformance.example");
    }

    [Test]
    public async Task BrandBundle_IsAStableCollectionWithAWeakETag()
    {
        var url = new Uri(Host.BaseUrl, "brands/user-access-brands.json");
        using var first = await Http.GetAsync(url);
        var body = await first.Content.ReadAsStringAsync();

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        first.Headers.ETag!.IsWeak.Should().BeTrue();
        var bundle = JsonSerializer.Deserialize<Bundle>(body, new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector))!;
        bundle.Type.Should().Be(Bundle.BundleType.Collection);
        bundle.Timestamp.Should().NotBeNull();
        bundle.Entry.Select(e => e.Resource).OfType<Endpoint>().Should().ContainSingle(e => e.Address == Host.FhirBaseUrl.AbsoluteUri);
        (await Http.GetStringAsync(url)).Should().Be(body, "the Bundle changes only when its content does");

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var revalidated = await Http.SendAsync(request);
        revalidated.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }
}
