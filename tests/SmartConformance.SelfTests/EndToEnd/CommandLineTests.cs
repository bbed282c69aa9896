using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli;
using SmartConformance.Cli.Running;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.EndToEnd;

/// <summary>The documented commands and exit codes: 0 all passed, 1 a check failed, 2 the run could not proceed.</summary>
[NonParallelizable]
public sealed class CommandLineTests
{
    [Test]
    public async Task The_readme_quick_start_run_command_passes_and_writes_the_three_reports()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"));
        var block = Regex.Match(readme, @"## Quick start.*?```sh\s*\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var commands = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('#')).ToList();
        commands.Should().HaveCount(2, "the quick start holds exactly two commands");
        commands[0].Should().StartWith("dotnet run --project harness/SmartConformance.Cli -- run");
        commands[1].Should().Be("dotnet test tests/SmartConformance.SelfTests");

        var reportDir = RepoPaths.NewTempDirectory("readme");
        var args = commands[0].Split(" -- ", 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(["--report-dir", reportDir]).ToArray();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepoPaths.Root);
        try
        {
            (await Program.Main(args)).Should().Be(ExitCodes.Passed);
        }
        finally { Directory.SetCurrentDirectory(previous); }
        Directory.GetFiles(reportDir).Select(Path.GetFileName).Should().Contain(["report.html", "report.json", "junit.xml"]);
        SmartConformance.SelfTests.Reports.JUnitSchema.Problems(await File.ReadAllTextAsync(Path.Combine(reportDir, "junit.xml")))
            .Should().BeEmpty("a real run's junit.xml is valid against the common JUnit schema");
    }

    [Test]
    public async Task A_failing_check_exits_with_1()
    {
        var dir = RepoPaths.NewTempDirectory("exit1");
        (await Program.Main(["run", "--profile", RepoPaths.Profile("reference.json"), "--report-dir", dir, "--fault", "discovery.drop-s256", "--filter", "Discovery"]))
            .Should().Be(ExitCodes.ChecksFailed);
    }

    [Test]
    public async Task A_bad_profile_exits_with_2_and_writes_no_report()
    {
        var profile = Path.Combine(RepoPaths.NewTempDirectory("badprofile"), "bad.json");
        await File.WriteAllTextAsync(profile, "{\"name\": 3}");
        var dir = RepoPaths.NewTempDirectory("exit2");
        (await Program.Main(["run", "--profile", profile, "--report-dir", dir])).Should().Be(ExitCodes.CouldNotRun);
        (await Program.Main(["validate-profile", profile])).Should().Be(ExitCodes.CouldNotRun);
    }

    [Test]
    public async Task A_missing_browser_exits_with_2()
    {
        (await Program.Main(["run", "--browser", "/no/such/browser", "--report-dir", RepoPaths.NewTempDirectory("nobrowser")])).Should().Be(ExitCodes.CouldNotRun);
    }

    [Test]
    public async Task Unknown_options_and_unknown_faults_exit_with_2()
    {
        (await Program.Main(["run", "--no-such-option"])).Should().Be(ExitCodes.CouldNotRun);
        (await Program.Main(["run", "--fault", "no.such-fault", "--report-dir", RepoPaths.NewTempDirectory("nofault")])).Should().Be(ExitCodes.CouldNotRun);
    }

    [Test]
    public async Task A_filter_runs_only_the_named_checks()
    {
        var dir = RepoPaths.NewTempDirectory("filter");
        (await Program.Main(["run", "--filter", "DISC-01,disc-04", "--report-dir", dir])).Should().Be(ExitCodes.Passed);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")));
        report.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("id").GetString())
            .Should().BeEquivalentTo(["DISC-01", "DISC-04"]);
    }

    [Test]
    public async Task The_reference_profile_validates()
    {
        (await Program.Main(["validate-profile", RepoPaths.Profile("reference.json")])).Should().Be(ExitCodes.Passed);
    }
}

/// <summary>--baseline and --fail-on new: what a CI job compares with the last good run.</summary>
[NonParallelizable]
public sealed class BaselineCommandLineTests
{
    [Test]
    public async Task Fail_on_new_fails_only_for_checks_that_did_not_fail_in_the_baseline()
    {
        var good = RepoPaths.NewTempDirectory("base-good");
        var broken = RepoPaths.NewTempDirectory("base-broken");
        var again = RepoPaths.NewTempDirectory("base-again");
        string[] discovery = ["run", "--profile", RepoPaths.Profile("reference.json"), "--filter", "Discovery", "--no-progress"];

        (await Program.Main([.. discovery, "--report-dir", good])).Should().Be(ExitCodes.Passed);
        (await Program.Main([.. discovery, "--report-dir", broken, "--fault", "discovery.drop-s256", "--baseline", Path.Combine(good, "report.json"), "--fail-on", "new"]))
            .Should().Be(ExitCodes.ChecksFailed, "DISC-04 passed in the baseline and fails now");
        (await Program.Main([.. discovery, "--report-dir", again, "--fault", "discovery.drop-s256", "--baseline", Path.Combine(broken, "report.json"), "--fail-on", "new"]))
            .Should().Be(ExitCodes.Passed, "DISC-04 already failed in the baseline");

        using var brokenReport = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(broken, "report.json")));
        var newFailures = brokenReport.RootElement.GetProperty("baseline").GetProperty("newFailures");
        newFailures.EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Equal("DISC-04");
        newFailures[0].GetProperty("baselineVerdict").GetString().Should().Be("pass");
        using var againReport = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(again, "report.json")));
        againReport.RootElement.GetProperty("baseline").GetProperty("unchangedFailures")[0].GetProperty("id").GetString().Should().Be("DISC-04");
        againReport.RootElement.GetProperty("summary").GetProperty("failed").GetInt32().Should().Be(1, "the report still shows the failure");
        (await File.ReadAllTextAsync(Path.Combine(again, "report.html"))).Should().Contain("id=\"sc-baseline\"");
    }

    [Test]
    public async Task Fail_on_new_without_a_baseline_and_an_unreadable_baseline_exit_with_2()
    {
        var dir = RepoPaths.NewTempDirectory("base-bad");
        var notAReport = Path.Combine(dir, "not-a-report.json");
        await File.WriteAllTextAsync(notAReport, "[1, 2]");

        (await Program.Main(["run", "--fail-on", "new", "--report-dir", dir])).Should().Be(ExitCodes.CouldNotRun);
        (await Program.Main(["run", "--baseline", Path.Combine(dir, "missing.json"), "--report-dir", dir])).Should().Be(ExitCodes.CouldNotRun);
        (await Program.Main(["run", "--baseline", notAReport, "--report-dir", dir])).Should().Be(ExitCodes.CouldNotRun);
        (await Program.Main(["run", "--fail-on", "sometimes", "--report-dir", dir])).Should().Be(ExitCodes.CouldNotRun);
        File.Exists(Path.Combine(dir, "report.json")).Should().BeFalse("nothing ran");
    }
}

/// <summary>--trace: a Playwright trace per browser launch, linked from the report and flagged as unredacted.</summary>
[NonParallelizable]
public sealed class TraceCommandLineTests
{
    [Test]
    public async Task Trace_saves_a_playwright_trace_of_the_launch_and_the_report_links_it()
    {
        var dir = RepoPaths.NewTempDirectory("trace");

        (await Program.Main(["run", "--filter", "AUTHZ-01", "--trace", "--no-progress", "--report-dir", dir])).Should().Be(ExitCodes.Passed);

        var trace = Path.Combine(dir, "artifacts", "standalone-patient-trace.zip");
        File.Exists(trace).Should().BeTrue();
        using (var zip = System.IO.Compression.ZipFile.OpenRead(trace))
            zip.Entries.Select(e => e.FullName).Should().Contain(name => name.EndsWith(".trace", StringComparison.Ordinal), "it is a Playwright trace");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")));
        report.RootElement.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("path").GetString())
            .Should().Equal("artifacts/standalone-patient-trace.zip");
        report.RootElement.GetProperty("checks")[0].GetProperty("artifacts").EnumerateArray()
            .Should().Contain(a => a.GetProperty("kind").GetString() == "trace");
        report.RootElement.GetProperty("notices").EnumerateArray().Should().Contain(n => n.GetString()!.Contains("not redacted"));
        (await File.ReadAllTextAsync(Path.Combine(dir, "report.html"))).Should().Contain("href=\"artifacts/standalone-patient-trace.zip\"");
    }

    [Test]
    public async Task Without_trace_no_trace_is_recorded()
    {
        var dir = RepoPaths.NewTempDirectory("notrace");

        (await Program.Main(["run", "--filter", "AUTHZ-01", "--no-progress", "--report-dir", dir])).Should().Be(ExitCodes.Passed);

        var artifacts = Path.Combine(dir, "artifacts");
        (Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, "*.zip") : []).Should().BeEmpty();
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")));
        report.RootElement.GetProperty("artifacts").GetArrayLength().Should().Be(0);
    }
}

/// <summary>--screenshots: a passing launch keeps no screenshots by default; `steps` keeps one after every profile step.</summary>
[NonParallelizable]
public sealed class ScreenshotsCommandLineTests
{
    [Test]
    public async Task By_default_a_passing_launch_keeps_no_screenshots()
    {
        var dir = RepoPaths.NewTempDirectory("shots-default");

        (await Program.Main(["run", "--filter", "AUTHZ-01", "--no-progress", "--report-dir", dir])).Should().Be(ExitCodes.Passed);

        var artifacts = Path.Combine(dir, "artifacts");
        (Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, "*.png") : []).Should().BeEmpty();
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")));
        report.RootElement.GetProperty("checks")[0].GetProperty("artifacts").EnumerateArray().Should().BeEmpty();
    }

    [Test]
    public async Task Steps_keeps_a_screenshot_after_every_step_and_the_report_shows_them()
    {
        var dir = RepoPaths.NewTempDirectory("shots-steps");

        (await Program.Main(["run", "--filter", "AUTHZ-01", "--screenshots", "steps", "--no-progress", "--report-dir", dir])).Should().Be(ExitCodes.Passed);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")));
        var shots = report.RootElement.GetProperty("checks")[0].GetProperty("artifacts").EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "screenshot").ToList();
        shots.Should().NotBeEmpty();
        shots.Should().OnlyContain(a => a.GetProperty("title").GetString()!.StartsWith("after step "));
        foreach (var shot in shots)
            File.Exists(Path.Combine(dir, shot.GetProperty("path").GetString()!)).Should().BeTrue();
        (await File.ReadAllTextAsync(Path.Combine(dir, "report.html"))).Should().Contain("<img src=\"artifacts/");
    }
}
