using SmartConformance.Cli.Running;
using SmartConformance.Harness.Session;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Support;

/// <summary>Runs the suite in-process against the embedded reference server, as the run command does.</summary>
public static class SuiteRuns
{
    /// <summary>
    /// A self-test run of the reference server takes seconds (the whole suite well under a minute); one still going after
    /// this long has stalled. It is stopped as Ctrl-C stops the command, so its partial report names the checks that
    /// were still running, and the test fails with them instead of holding the test run until CI's limit.
    /// </summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(4);

    /// <summary>How long a stopped run gets to write its report before the test gives up on it.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromMinutes(1);

    // A whole run is some 26 browser launches; tests that only read a faultless run's outputs share this one.
    private static readonly Lazy<Task<(RunResult Result, string ReportDirectory, string Console)>> SharedFaultless =
        new(() => AgainstReferenceAsync("faultless-shared", filter: null));

    /// <summary>One faultless run of every check, made once per test process and shared by the tests that only read it.</summary>
    public static Task<(RunResult Result, string ReportDirectory, string Console)> FaultlessAsync() => SharedFaultless.Value;

    /// <param name="filter">Only these checks (the run command's --filter); null runs every check.</param>
    /// <exception cref="TimeoutException">The run stalled and did not end even once stopped.</exception>
    public static async Task<(RunResult Result, string ReportDirectory, string Console)> AgainstReferenceAsync(string label, string? filter, params string[] faults)
    {
        var reportDir = RepoPaths.NewTempDirectory(label);
        var console = new StringWriter();
        var options = new RunOptions { ProfilePath = RepoPaths.Profile("reference.json"), ReportDirectory = reportDir, Faults = faults };
        using var stalled = new CancellationTokenSource(StallLimit);
        RunResult result;
        try
        {
            result = await SuiteRunner.RunAsync(options, filter, console, stalled.Token).WaitAsync(StallLimit + StopGrace);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The run \"{label}\" stalled and did not end within {StopGrace.TotalSeconds:0} s of being stopped " +
                                       $"after {StallLimit.TotalMinutes:0} min. Its output so far:\n{console}");
        }
        return (result, reportDir, console.ToString());
    }

    /// <summary>Why a run did not end by itself and which checks were still running then, or null for a run that ran to its end.</summary>
    public static string? Stall(RunResult result)
    {
        if (result.Problem is null || result.Report is null) return result.Problem;
        var running = result.Report.Checks.Where(c => c.Message.StartsWith("Not run to completion", StringComparison.Ordinal)).Select(c => c.Id);
        return $"The run was stopped ({result.Problem}); still running then: {string.Join(", ", running)}.";
    }
}
