using SmartConformance.Cli.Running;
using SmartConformance.Harness.Session;

namespace SmartConformance.SelfTests.Support;

/// <summary>Runs the suite in-process against the embedded reference server, as the run command does.</summary>
public static class SuiteRuns
{
    // A whole run is some 26 browser launches; tests that only read a faultless run's outputs share this one.
    private static readonly Lazy<Task<(RunResult Result, string ReportDirectory, string Console)>> SharedFaultless =
        new(() => AgainstReferenceAsync("faultless-shared", filter: null));

    /// <summary>One faultless run of every check, made once per test process and shared by the tests that only read it.</summary>
    public static Task<(RunResult Result, string ReportDirectory, string Console)> FaultlessAsync() => SharedFaultless.Value;

    /// <param name="filter">Only these checks (the run command's --filter); null runs every check.</param>
    public static async Task<(RunResult Result, string ReportDirectory, string Console)> AgainstReferenceAsync(string label, string? filter, params string[] faults)
    {
        var reportDir = RepoPaths.NewTempDirectory(label);
        var console = new StringWriter();
        var options = new RunOptions { ProfilePath = RepoPaths.Profile("reference.json"), ReportDirectory = reportDir, Faults = faults };
        var result = await SuiteRunner.RunAsync(options, filter, console);
        return (result, reportDir, console.ToString());
    }
}
