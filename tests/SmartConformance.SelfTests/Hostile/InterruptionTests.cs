using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports.Model;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>
/// A run that is interrupted (Ctrl-C, SIGTERM) or reaches its time limit still writes a report: what finished keeps
/// its verdict, the check that was running and the ones that never started are marked error with "Not run".
/// </summary>
[NonParallelizable]
public sealed class InterruptionTests
{
    /// <summary>Discovery hangs and the HTTP timeout is long, so only the stop can end the run quickly.</summary>
    private static void LongTimeouts(JsonObject profile) =>
        profile["timeouts"] = new JsonObject { ["httpSeconds"] = 120, ["browserStepSeconds"] = 60, ["launchSeconds"] = 60, ["runSeconds"] = 600 };

    [Test]
    public async Task An_interrupted_run_writes_a_partial_report_marking_what_did_not_run()
    {
        var server = await HostileFixture.ServerAsync();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var run = await HostileRuns.RunAsync("interrupted", server.FhirBase("discovery-hang"), LongTimeouts, ct: interrupt.Token);

        run.ShouldHaveEndedCleanly(TimeSpan.FromSeconds(20));
        run.Result.Problem.Should().Contain("interrupted");
        run.Report.Notices.Should().Contain(n => n.StartsWith("This report is partial: the run was interrupted"));
        // Fixtures run side by side, so a check that does not need discovery (a skip for a missing profile entry, CAPS-01
        // reading /metadata) may finish before the stop and keeps its verdict; the stop itself never shows as anything but
        // "Not run": no check reports the cancelled requests as an error of its own.
        run.Report.Checks.Should().OnlyContain(c => c.Message.StartsWith("Not run") || FinishedBeforeTheStop(c), run.Console);
        run.Report.Checks.Should().Contain(c => c.Message.StartsWith("Not run"));
        run.Report.Checks.Should().Contain(c => c.Message.StartsWith("Not run to completion"), "the checks running side by side were waiting on the hung server");
        using var json = run.ReportJson();
        json.RootElement.GetProperty("notices")[0].GetString().Should().Contain("partial");
    }

    [Test]
    public async Task A_run_that_reaches_its_time_limit_stops_and_says_so()
    {
        var server = await HostileFixture.ServerAsync();
        var run = await HostileRuns.RunAsync("time-limit", server.FhirBase("discovery-hang"), p =>
        {
            LongTimeouts(p);
            p["timeouts"]!["runSeconds"] = 3;
        });

        run.ShouldHaveEndedCleanly(TimeSpan.FromSeconds(20));
        run.Report.Notices.Should().Contain(n => n.Contains("time limit of 3 s") && n.Contains("timeouts.runSeconds"));
        run.Report.Checks.Should().Contain(c => c.Message.StartsWith("Not run"));
    }

    [Test]
    public async Task Checks_that_finished_before_the_interruption_keep_their_verdicts()
    {
        var server = await HostileFixture.ServerAsync();
        // The FHIR read hangs; the launch and discovery checks finish first, and the interruption lands while RS-10 waits.
        // The filter keeps RS-10 next after discovery: unfiltered, other checks that read FHIR would hang before it.
        using var interrupt = new CancellationTokenSource();
        // One request at a time means one fixture at a time, so the launch and discovery checks finish before RS-10 starts.
        var run = await HostileRuns.RunAsync("interrupted-late", server.FhirBase("fhir-read-hangs"), OneFixtureAtATime, ct: interrupt.Token,
            onConsoleLine: line => { if (line.Contains("DISC-01", StringComparison.Ordinal)) interrupt.CancelAfter(TimeSpan.FromSeconds(1)); },
            filter: "AUTHZ-01,CAPS-01,DISC-01,DISC-02,RS-10");

        run.ShouldHaveEndedCleanly(TimeSpan.FromSeconds(25));
        run.Report.Checks.Should().Contain(c => c.Message.StartsWith("Not run"));
        run.Check("RS-10").Message.Should().StartWith("Not run to completion");
        foreach (var id in new[] { "AUTHZ-01", "DISC-01", "DISC-02", "CAPS-01" })
            run.Check(id).Verdict.Should().Be(Verdicts.Pass, "a check that finished before the stop keeps its verdict");
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "SIGTERM is a POSIX signal")]
    public async Task A_SIGTERM_to_the_command_still_writes_the_partial_report()
    {
        var server = await HostileFixture.ServerAsync();
        var folder = RepoPaths.NewTempDirectory("sigterm");
        var profile = HostileProfile.For(server.FhirBase("discovery-hang"), HostileFixture.FreePort());
        LongTimeouts(profile);
        var profilePath = HostileProfile.Write(profile, folder);
        var reportDir = Path.Combine(folder, "report");
        var cli = Path.Combine(AppContext.BaseDirectory, "smart-conformance.dll");

        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "run", "--profile", profilePath, "--report-dir", reportDir])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var started = new TaskCompletionSource();
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.StartsWith("SmartConformance", StringComparison.Ordinal) == true) started.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(2));
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var console = output.ToString();
        console.Should().Contain("writing a partial report");
        var report = await File.ReadAllTextAsync(Path.Combine(reportDir, "report.json"));
        using var json = System.Text.Json.JsonDocument.Parse(report);
        json.RootElement.GetProperty("notices")[0].GetString().Should().Contain("interrupted");
        json.RootElement.GetProperty("checks").EnumerateArray().Should().OnlyContain(c =>
            c.GetProperty("message").GetString()!.StartsWith("Not run") || c.GetProperty("verdict").GetString() != Verdicts.Error);
        json.RootElement.GetProperty("checks").EnumerateArray().Should().Contain(c => c.GetProperty("message").GetString()!.StartsWith("Not run"));
    }

    private static void OneFixtureAtATime(JsonObject profile)
    {
        LongTimeouts(profile);
        profile["load"] = new JsonObject { ["maxConcurrentRequests"] = 1 };
    }

    private static bool FinishedBeforeTheStop(CheckReport check) => check.Verdict != Verdicts.Error;
}
