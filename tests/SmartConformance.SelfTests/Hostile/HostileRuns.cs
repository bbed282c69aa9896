using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Session;
using SmartConformance.Reports.Model;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>Runs the whole suite in-process against the hostile server, as the run command does, and reads back what it wrote.</summary>
public static class HostileRuns
{
    public static async Task<HostileRun> RunAsync(string label, string fhirBaseUrl, Action<JsonObject>? changeProfile = null,
        Func<RunOptions, RunOptions>? changeOptions = null, CancellationToken ct = default, Action<string>? onConsoleLine = null, string? filter = null)
    {
        var folder = RepoPaths.NewTempDirectory("hostile-" + label);
        var profile = HostileProfile.For(fhirBaseUrl, HostileFixture.FreePort());
        changeProfile?.Invoke(profile);
        var profilePath = HostileProfile.Write(profile, folder);
        var reportDir = Path.Combine(folder, "report");
        var options = new RunOptions { ProfilePath = profilePath, ReportDirectory = reportDir };
        if (changeOptions is not null) options = changeOptions(options);
        var console = new WatchedConsole(onConsoleLine);
        var clock = Stopwatch.StartNew();
        var result = await SuiteRunner.RunAsync(options, filter, console, ct);
        return new HostileRun(result, folder, reportDir, profilePath, console.ToString(), clock.Elapsed);
    }

    public static async Task<HostileRun> RunAsync(string behaviour, bool https = false, Action<JsonObject>? changeProfile = null,
        Func<RunOptions, RunOptions>? changeOptions = null, string? filter = null) =>
        await RunAsync(behaviour, (await HostileFixture.ServerAsync()).FhirBase(behaviour, https), changeProfile, changeOptions, filter: filter);
}

/// <summary>The console of an in-process run, which a test can watch line by line (to interrupt at a chosen moment).</summary>
internal sealed class WatchedConsole(Action<string>? onLine) : StringWriter
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value is not null) onLine?.Invoke(value);
    }
}

public sealed record HostileRun(RunResult Result, string Folder, string ReportDirectory, string ProfilePath, string Console, TimeSpan Elapsed)
{
    public RunReport Report => Result.Report ?? throw new InvalidOperationException($"The run wrote no report: {Result.Problem}\n{Console}");

    public CheckReport Check(string id) => Report.Checks.SingleOrDefault(c => c.Id == id)
        ?? throw new InvalidOperationException($"No check {id} in the report; checks: {string.Join(", ", Report.Checks.Select(c => c.Id))}");

    /// <summary>report.json as written to disk, parsed: the file a CI job would read.</summary>
    public JsonDocument ReportJson() => JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportDirectory, "report.json")));

    /// <summary>Every file the run wrote (screenshots excepted) and the console, for leak scans.</summary>
    public IReadOnlyList<string> Outputs() =>
        Directory.GetFiles(ReportDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal))
            .Select(File.ReadAllText).Append(Console).ToList();

    /// <summary>What every hostile run must show: it ended, wrote all three reports, and no check hit a suite bug.</summary>
    public void ShouldHaveEndedCleanly(TimeSpan bound)
    {
        Elapsed.Should().BeLessThan(bound, Console);
        using (ReportJson()) { }
        File.Exists(Path.Combine(ReportDirectory, "junit.xml")).Should().BeTrue();
        File.Exists(Path.Combine(ReportDirectory, "report.html")).Should().BeTrue();
        Report.Checks.Should().NotBeEmpty();
        Report.Checks.Should().NotContain(c => c.Message.Contains("unexpected error", StringComparison.Ordinal),
            "a hostile answer is the server's problem, never a crash inside the suite");
    }
}
