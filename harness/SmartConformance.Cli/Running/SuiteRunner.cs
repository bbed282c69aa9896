using System.Diagnostics;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;
using SmartConformance.Tests;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Running;

/// <summary>
/// Runs the conformance checks in-process with NUnit's own runner, against the session this class starts,
/// and writes the report. Runs may go side by side in one process: each run's checks find its session through their
/// async flow (<see cref="SuiteSession.BecomeCurrent"/>).
/// </summary>
public static class SuiteRunner
{
    public static async Task<RunResult> RunAsync(RunOptions options, string? filter, TextWriter console, CancellationToken ct = default)
    {
        ProfileLoadResult loaded;
        try
        {
            loaded = ProfileLoader.Load(options.ProfilePath);
            options.LocateBrowser(loaded.Profile);
        }
        catch (Exception ex) when (ex is ProfileException or BrowserNotFoundException)
        {
            console.WriteLine(ex.Message);
            return RunResult.CouldNotRun(ex.Message);
        }
        foreach (var warning in loaded.Warnings) console.WriteLine(warning);

        return await RunLoadedAsync(loaded, options, filter, console, ct);
    }

    /// <summary>
    /// When the process is the smart-conformance command itself, start-up counts from the process start (the .NET host,
    /// loading, JIT), as a user waits for it; a host that runs several suites (the self-tests) counts from this run's start.
    /// </summary>
    private static TimeSpan SinceProcessStart()
    {
        if (System.Reflection.Assembly.GetEntryAssembly() != typeof(SuiteRunner).Assembly) return TimeSpan.Zero;
        try { return DateTime.Now - Process.GetCurrentProcess().StartTime; }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception) { return TimeSpan.Zero; }
    }

    private static async Task<RunResult> RunLoadedAsync(ProfileLoadResult loaded, RunOptions options, string? filter, TextWriter console, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var sinceProcessStart = SinceProcessStart();
        var notices = loaded.Warnings.Select(w => w.ToString()).ToList();
        SuiteSession session;
        try
        {
            session = await SuiteSession.StartAsync(loaded.Profile, options, new EmbeddedReferenceServer(), notices, ct, startBrowserEarly: filter is null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException)
        {
            console.WriteLine($"The run could not start: {ex.Message}");
            return RunResult.CouldNotRun(ex.Message);
        }

        await using (session)
        {
            session.Timings.Add(RunTimings.StartUp, clock.Elapsed + sinceProcessStart);
            session.BecomeCurrent();
            var before = RunNotices.Before(session, options);
            foreach (var notice in before) console.WriteLine("WARNING: " + notice);
            console.WriteLine($"SmartConformance {typeof(SuiteRunner).Assembly.GetName().Version?.ToString(3)} → {session.FhirBaseUrl}" +
                              (session.Faults.Count > 0 ? $" (faults: {string.Join(", ", session.Faults)})" : ""));
            var collector = new ResultCollector(Progress.CheckProgress.For(console, options));
            var limit = TimeSpan.FromSeconds(loaded.Profile.Timeouts.RunSeconds);
            var checksTimed = session.Timings.Measure(RunTimings.Checks);
            var run = await Task.Run(() => CheckRun.RunAsync(collector, CheckFilter.Parse(filter), limit, session.StopAsync, ct, FixtureWorkers.For(loaded.Profile)), CancellationToken.None);
            checksTimed.Dispose();
            var reportTimed = session.Timings.Measure(RunTimings.Report);
            var outcomes = PartialRun.Complete(collector.Outcomes, run);
            if (run.StopReason is not null) console.WriteLine($"Stopped: {run.StopReason}; writing a partial report.");

            var redactor = options.NoRedact ? Redactor.Disabled : Redactor.For(loaded.Profile.Secrets, session.Recorder.All);
            var report = ReportBuilder.Build(session, outcomes, startedAt, clock.Elapsed, options.ReportDirectory, redactor);
            var partial = run.StopReason is null ? [] : new[] { PartialRun.Notice(run, outcomes) };
            report = report with
            {
                Notices = [.. before, .. partial, .. report.Notices, .. RunNotices.After(session).Select(n => redactor.Apply(n)!)],
            };
            var paths = ReportWriter.WriteAll(report, options.ReportDirectory, written =>
            {
                reportTimed.Dispose();
                return written with { Timings = session.Timings.Snapshot() };
            });
            var s = report.Summary;
            console.WriteLine($"{s.Passed} passed, {s.Failed} failed, {s.Errors} errors, {s.Skipped} skipped, {s.Warnings} warnings in {clock.Elapsed.TotalSeconds:0.0} s. Report: {Path.GetFullPath(paths.Html)}");
            if (options.NoRedact) console.WriteLine("WARNING: " + RunNotices.NoRedact);
            var exit = s.Failed + s.Errors > 0 ? ExitCodes.ChecksFailed : ExitCodes.Passed;
            if (report.Checks.Count == 0)
            {
                console.WriteLine($"No check matched the filter \"{filter}\"; see list-checks.");
                exit = ExitCodes.CouldNotRun;
            }
            return new RunResult(exit, report, redactor, run.StopReason);
        }
    }
}

/// <summary>
/// How a run ended: the exit code, the report (null when it could not run), the redactor that cleaned it, and the
/// problem: why it could not run, or why it was cut short (interrupted, time limit) when the report is partial.
/// </summary>
public sealed record RunResult(int ExitCode, RunReport? Report, Redactor? Redactor, string? Problem)
{
    public static RunResult CouldNotRun(string problem) => new(ExitCodes.CouldNotRun, null, null, problem);
}
