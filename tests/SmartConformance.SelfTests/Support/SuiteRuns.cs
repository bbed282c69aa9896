using SmartConformance.Cli.Running;
using SmartConformance.Harness.Session;

namespace SmartConformance.SelfTests.Support;

/// <summary>Runs the whole suite in-process against the embedded reference server, as the run command does.</summary>
public static class SuiteRuns
{
    public static async Task<(RunResult Result, string ReportDirectory, string Console)> AgainstReferenceAsync(string label, params string[] faults)
    {
        var reportDir = RepoPaths.NewTempDirectory(label);
        var console = new StringWriter();
        var options = new RunOptions { ProfilePath = RepoPaths.Profile("reference.json"), ReportDirectory = reportDir, Faults = faults };
        var result = await SuiteRunner.RunAsync(options, filter: null, console);
        return (result, reportDir, console.ToString());
    }
}
