using System.Diagnostics;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
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
/// and writes the report. One run at a time per process: the checks find the session through a static.
/// </summary>
public static class SuiteRunner
{
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    public static async Task<RunResult> RunAsync(RunOptions options, string? filter, TextWriter console, CancellationToken ct = default)
    {
        ProfileLoadResult loaded;
        try
        {
            loaded = ProfileLoader.Load(options.ProfilePath);
            BrowserLocator.Locate(options.BrowserPath ?? loaded.Profile.Browser.ExecutablePath);
        }
        catch (Exception ex) when (ex is ProfileException or BrowserNotFoundException)
        {
            console.WriteLine(ex.Message);
            return RunResult.CouldNotRun(ex.Message);
        }
        foreach (var warning in loaded.Warnings) console.WriteLine(warning);

        await OneRunAtATime.WaitAsync(ct);
        try
        {
            return await RunLoadedAsync(loaded, options, filter, console, ct);
        }
        finally
        {
            OneRunAtATime.Release();
        }
    }

    private static async Task<RunResult> RunLoadedAsync(ProfileLoadResult loaded, RunOptions options, string? filter, TextWriter console, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var notices = loaded.Warnings.Select(w => w.ToString()).ToList();
        SuiteSession session;
        try
        {
            session = await SuiteSession.StartAsync(loaded.Profile, options, new EmbeddedReferenceServer(), notices, ct);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException)
        {
            console.WriteLine($"The run could not start: {ex.Message}");
            return RunResult.CouldNotRun(ex.Message);
        }

        await using (session)
        {
            console.WriteLine($"SmartConformance {typeof(SuiteRunner).Assembly.GetName().Version?.ToString(3)} → {session.FhirBaseUrl}" +
                              (session.Faults.Count > 0 ? $" (faults: {string.Join(", ", session.Faults)})" : ""));
            var collector = new ResultCollector(Progress.CheckProgress.For(console, options));
            await Task.Run(() => RunNUnit(collector, CheckFilter.Parse(filter)), ct);

            var redactor = Redactor.For(loaded.Profile.Secrets, session.Recorder.All);
            var report = ReportBuilder.Build(session, collector.Outcomes, startedAt, clock.Elapsed, options.ReportDirectory, redactor);
            var paths = ReportWriter.WriteAll(report, options.ReportDirectory);
            var s = report.Summary;
            console.WriteLine($"{s.Passed} passed, {s.Failed} failed, {s.Errors} errors, {s.Skipped} skipped, {s.Warnings} warnings in {clock.Elapsed.TotalSeconds:0.0} s. Report: {Path.GetFullPath(paths.Html)}");
            var exit = s.Failed + s.Errors > 0 ? ExitCodes.ChecksFailed : ExitCodes.Passed;
            if (report.Checks.Count == 0)
            {
                console.WriteLine($"No check matched the filter \"{filter}\"; see list-checks.");
                exit = ExitCodes.CouldNotRun;
            }
            return new RunResult(exit, report, redactor, null);
        }
    }

    private static void RunNUnit(ITestListener listener, ITestFilter filter)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(typeof(SuiteSetup).Assembly, new Dictionary<string, object>
        {
            ["NumberOfTestWorkers"] = 0,
            ["SynchronousEvents"] = true,
        });
        runner.Run(listener, filter);
    }
}

/// <summary>How a run ended: the exit code, the report (null when it could not run) and the redactor that cleaned it.</summary>
public sealed record RunResult(int ExitCode, RunReport? Report, Redactor? Redactor, string? Problem)
{
    public static RunResult CouldNotRun(string problem) => new(ExitCodes.CouldNotRun, null, null, problem);
}
