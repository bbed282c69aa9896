using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli;
using SmartConformance.Cli.Running;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>--insecure and --no-redact reach the run from the command line, and each says so at the top of the report.</summary>
[NonParallelizable]
public sealed class CommandLineOptionsTests
{
    [Test]
    public async Task Insecure_and_no_redact_are_run_options_that_the_report_announces()
    {
        var server = await HostileFixture.ServerAsync();
        var folder = RepoPaths.NewTempDirectory("cli-options");
        var profile = HostileProfile.Write(HostileProfile.For(server.FhirBase(Behaviours.Baseline, https: true), HostileFixture.FreePort()), folder);
        var reportDir = Path.Combine(folder, "report");

        var exit = await Program.Main(["run", "--profile", profile, "--report-dir", reportDir, "--insecure", "--no-redact", "--filter", "DISC-01,DISC-02,CAPS-01"]);

        // The minimal hostile server fails many newer checks; these three only need the suite to trust its certificate.
        exit.Should().Be(ExitCodes.Passed, "with --insecure the self-signed server's discovery document and CapabilityStatement are read");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reportDir, "report.json")));
        var notices = report.RootElement.GetProperty("notices").EnumerateArray().Select(n => n.GetString()!).ToList();
        notices[0].Should().Be(RunNotices.NoRedact);
        notices[1].Should().Contain("--insecure");
    }
}
