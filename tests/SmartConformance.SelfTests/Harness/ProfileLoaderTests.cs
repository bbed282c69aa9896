using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Profiles;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Harness;

public sealed class ProfileLoaderTests
{
    private static readonly string Reference = File.ReadAllText(RepoPaths.Profile("reference.json"));

    private static ProfileException Rejected(string json, Func<string, string?>? env = null)
    {
        var act = () => ProfileLoader.Parse(json, "test.json", env ?? (_ => null));
        return act.Should().Throw<ProfileException>().Which;
    }

    [Test]
    public void The_reference_profile_is_valid_and_targets_the_embedded_server()
    {
        var loaded = ProfileLoader.Load(RepoPaths.Profile("reference.json"));
        loaded.Profile.TargetsEmbeddedServer.Should().BeTrue();
        loaded.Profile.Launches.StandalonePatient.Client.Should().Be("public");
        loaded.Warnings.Should().BeEmpty();
    }

    [Test]
    public void The_vendor_example_is_valid_once_its_environment_variables_are_set()
    {
        var loaded = ProfileLoader.Parse(File.ReadAllText(RepoPaths.Profile("example-vendor.json")), "example-vendor.json", name => $"value-of-{name}");
        loaded.Profile.Clients[1].ClientSecret.Should().Be("value-of-ACME_CLIENT_SECRET");
        loaded.Profile.Secrets.Should().Contain("value-of-ACME_CLIENT_SECRET").And.Contain("value-of-ACME_PATIENT_PASSWORD");
    }

    [Test]
    public void A_missing_environment_variable_is_named_with_its_path()
    {
        var ex = Rejected(File.ReadAllText(RepoPaths.Profile("example-vendor.json")));
        ex.Problems.Should().Contain(p => p.Path == "$.clients[1].clientSecret" && p.Message.Contains("ACME_CLIENT_SECRET"));
    }

    [Test]
    public void A_missing_required_field_is_named()
    {
        var ex = Rejected(Reference.Replace("\"name\": \"Embedded reference server\",", ""));
        ex.Problems.Should().Contain(p => p.Path == "$" && p.Message.Contains("\"name\" is missing"));
    }

    [Test]
    public void An_unknown_field_is_reported_with_its_path()
    {
        var ex = Rejected(Reference.Replace("\"redirectUri\"", "\"redirectUrl\": \"x\", \"redirectUri\""));
        ex.Problems.Should().Contain(p => p.Path == "$.redirectUrl" && p.Message.Contains("not a field"));
    }

    [Test]
    public void A_wrong_enum_value_says_what_was_found_and_what_is_expected()
    {
        var ex = Rejected(Reference.Replace("\"authentication\": \"none\"", "\"authentication\": \"basic\""));
        ex.Problems.Should().Contain(p => p.Path == "$.clients[0].authentication" && p.Message.Contains("\"basic\"") && p.Message.Contains("client_secret_basic"));
    }

    [Test]
    public void A_plain_http_embedded_server_warns_that_AUTHZ_10_fails_unless_the_profile_skips_it_with_a_reason()
    {
        var plain = Reference.Replace("\"https\": true", "\"https\": false");
        ProfileLoader.Parse(plain, "test.json").Warnings.Should().ContainSingle(w => w.Path == "$.embedded.https" && w.Message.Contains("AUTHZ-10"));
        var skipped = plain.Replace("\"fhirBaseUrl\": \"embedded\",", "\"fhirBaseUrl\": \"embedded\", \"tls\": { \"skipProtocolChecks\": \"plain-http in CI\" },");
        var loaded = ProfileLoader.Parse(skipped, "test.json");
        loaded.Warnings.Should().BeEmpty();
        loaded.Profile.Tls.SkipProtocolChecks.Should().Be("plain-http in CI");
        Rejected(skipped.Replace("plain-http in CI", "  ")).Problems.Should().Contain(p => p.Path.StartsWith("$.tls.skipProtocolChecks"));
    }

    [Test]
    public void A_launch_naming_an_unknown_client_is_rejected()
    {
        var ex = Rejected(Reference.Replace("\"client\": \"public\"", "\"client\": \"nobody\""));
        ex.Problems.Should().Contain(p => p.Path == "$.launches.standalonePatient.client" && p.Message.Contains("\"nobody\""));
    }

    [Test]
    public void A_relative_fhir_base_url_is_rejected_and_plain_http_elsewhere_is_a_warning()
    {
        Rejected(Reference.Replace("\"fhirBaseUrl\": \"embedded\"", "\"fhirBaseUrl\": \"fhir/r4\"").Replace("\"redirectUri\": \"http://127.0.0.1:0/callback\"", "\"redirectUri\": \"http://127.0.0.1:8765/callback\""))
            .Problems.Should().Contain(p => p.Path == "$.fhirBaseUrl");
        var loaded = ProfileLoader.Parse(Reference.Replace("\"fhirBaseUrl\": \"embedded\"", "\"fhirBaseUrl\": \"http://fhir.example.org/r4\"")
            .Replace("\"embedded\": { \"faults\": [], \"https\": true },", "").Replace("127.0.0.1:0", "127.0.0.1:8765"), "test.json");
        loaded.Warnings.Should().Contain(w => w.Path == "$.fhirBaseUrl" && w.Message.Contains("plain http"));
    }

    [Test]
    public void An_introspection_bearer_from_backend_needs_a_backend_services_client()
    {
        var withoutBackend = System.Text.Json.Nodes.JsonNode.Parse(Reference)!.AsObject();
        withoutBackend.Remove("backendServices");
        var ex = Rejected(withoutBackend.ToJsonString());
        ex.Problems.Should().ContainSingle(p => p.Path == "$.introspection.bearer.source" && p.Message.Contains("backendServices"));
    }

    [Test]
    public void An_introspection_bearer_needs_a_scope()
    {
        var ex = Rejected(Reference.Replace("\"introspection\": { \"bearer\": { \"source\": \"backend\", \"scope\": \"introspect\" } }", "\"introspection\": { \"bearer\": { \"source\": \"backend\" } }"));
        ex.Problems.Should().Contain(p => p.Path == "$.introspection.bearer" && p.Message.Contains("\"scope\" is missing"));
    }

    [Test]
    public void A_confidential_client_without_a_secret_is_rejected()
    {
        var ex = Rejected(Reference.Replace("\"clientSecret\": \"smart-confidential-secret\", ", ""));
        ex.Problems.Should().Contain(p => p.Path == "$.clients[1].clientSecret");
    }

    [Test]
    public void Invalid_json_is_reported_as_such()
    {
        Rejected("{ not json").Message.Should().Contain("not valid JSON");
    }
}
