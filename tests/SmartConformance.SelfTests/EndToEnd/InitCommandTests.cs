using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Profiles;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.EndToEnd;

/// <summary>`init --fhir-base URL`: a starter profile from what the server publishes, valid as written.</summary>
[NonParallelizable]
public sealed class InitCommandTests
{
    [Test]
    public async Task Init_writes_a_profile_that_validates_with_every_published_endpoint_and_replace_markers_for_the_rest()
    {
        await using var server = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Port = 0, RedirectUris = ["http://127.0.0.1:8765/callback"] });
        var file = Path.Combine(RepoPaths.NewTempDirectory("init"), "nested", "acme.json");

        (await Program.Main(["init", "--fhir-base", server.FhirBaseUrl.ToString(), "--output", file])).Should().Be(ExitCodes.Passed);

        var text = await File.ReadAllTextAsync(file);
        var loaded = ProfileLoader.Load(file);
        loaded.Profile.FhirBaseUrl.Should().Be(server.FhirBaseUrl.ToString().TrimEnd('/'));
        loaded.Profile.Name.Should().Be("SmartConformance.ReferenceServer", "the name comes from the CapabilityStatement's software");
        loaded.Profile.Clients.Select(c => c.Authentication).Should().Equal("none", "client_secret_basic");
        loaded.Profile.Launches.StandalonePatient.Scope.Should().Be("launch/patient openid fhirUser patient/Patient.rs patient/Observation.rs");
        (await Program.Main(["validate-profile", file])).Should().Be(ExitCodes.Passed);

        foreach (var endpoint in new[] { "authorize", "token", ".well-known/jwks" })
            text.Should().Contain(new Uri(server.BaseUrl, endpoint).ToString(), "the published endpoints are listed");
        text.Should().MatchRegex(@"capabilities: [^\n]*launch-standalone", "the advertised capabilities are listed")
            .And.MatchRegex(@"capabilities: [^\n]*client-public");

        using var json = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var markers = Regex.Matches(json.RootElement.GetRawText(), "\"REPLACE-[^\"]*\"").Select(m => m.Value).ToList();
        markers.Should().HaveCount(6, "client ids, the secret, the user's name, password and patient are only known to the vendor");
        json.RootElement.GetProperty("$schema").GetString().Should().Be("https://smartconformance.dev/schemas/profile.schema.json",
            "outside the suite's folder the schema is named by its id");
    }

    [Test]
    public async Task Init_refuses_to_overwrite_and_says_why_when_there_is_no_smart_server()
    {
        await using var server = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Port = 0, RedirectUris = ["http://127.0.0.1:8765/callback"] });
        var dir = RepoPaths.NewTempDirectory("init-no");
        var existing = Path.Combine(dir, "existing.json");
        await File.WriteAllTextAsync(existing, "{}");

        (await Program.Main(["init", "--fhir-base", server.FhirBaseUrl.ToString(), "--output", existing])).Should().Be(ExitCodes.CouldNotRun);
        (await File.ReadAllTextAsync(existing)).Should().Be("{}");
        (await Program.Main(["init", "--fhir-base", server.FhirBaseUrl.ToString(), "--output", existing, "--force"])).Should().Be(ExitCodes.Passed);

        var notSmart = new Uri(server.BaseUrl, "no-such-fhir-base").ToString();
        (await Program.Main(["init", "--fhir-base", notSmart, "--output", Path.Combine(dir, "x.json")])).Should().Be(ExitCodes.CouldNotRun);
        (await Program.Main(["init", "--fhir-base", "not a url", "--output", Path.Combine(dir, "y.json")])).Should().Be(ExitCodes.CouldNotRun);
        (await Program.Main(["init", "--output", Path.Combine(dir, "z.json")])).Should().Be(ExitCodes.CouldNotRun, "--fhir-base is required");
        Directory.GetFiles(dir).Select(Path.GetFileName).Should().Equal("existing.json");
    }
}
