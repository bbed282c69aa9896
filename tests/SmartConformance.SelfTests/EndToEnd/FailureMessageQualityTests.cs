using FluentAssertions;
using NUnit.Framework;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.EndToEnd;

/// <summary>A failed check tells the vendor what was sent, what came back and what the spec requires, with the exchange attached.</summary>
[NonParallelizable]
public sealed class FailureMessageQualityTests
{
    [Test]
    public async Task Serving_data_without_a_token_is_explained_with_the_request_and_the_rule()
    {
        var (result, _, _) = await SuiteRuns.AgainstReferenceAsync("msg", "RS-01", "fhir.no-token-required");
        var check = result.Report!.Checks.Single(c => c.Id == "RS-01");
        check.Message.Should().Contain("without any access token").And.Contain("Sent: GET").And.Contain("Received: 200").And.Contain("Required:");
        check.Spec.Url.Should().StartWith("https://");
        check.Exchanges.Should().Contain(e => e.Name == "fhir-read-no-token" && e.Status == 200);
    }

    [Test]
    public async Task Every_check_of_a_clean_run_carries_its_evidence_and_spec_link()
    {
        var (result, _, _) = await SuiteRuns.FaultlessAsync();
        result.Report!.Checks.Should().OnlyContain(c => c.Exchanges.Count > 0 && c.Spec.Url.StartsWith("https://"));
        result.Report.Checks.Single(c => c.Id == "AUTHZ-01").Artifacts.Should().NotContain(a => a.Kind == "screenshot",
            "a launch that passed keeps no screenshots unless --screenshots steps asks for them (ScreenshotsCommandLineTests)");
    }
}
