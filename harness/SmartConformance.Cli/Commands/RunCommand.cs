using System.CommandLine;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Session;

namespace SmartConformance.Cli.Commands;

public static class RunCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile", "-p") { Description = "The server profile (JSON).", DefaultValueFactory = _ => DefaultPaths.ReferenceProfile() };
        var reportDir = new Option<string>("--report-dir", "-o") { Description = "Where report.html, report.json and junit.xml go.", DefaultValueFactory = _ => Path.Combine("reports", "latest") };
        var filter = new Option<string?>("--filter", "-f") { Description = "Only these checks: comma-separated check ids (DISC-01), groups (\"Token endpoint\") or requirement ids." };
        var headed = new Option<bool>("--headed") { Description = "Show the browser instead of running it headless." };
        var fault = new Option<string[]>("--fault") { Description = "Switch on a named fault in the embedded reference server (repeatable; see `faults`).", AllowMultipleArgumentsPerToken = false };
        var browser = new Option<string?>("--browser") { Description = "Path to a Chromium, Chrome or Edge executable." };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds each HTTP request may take (default: the profile's timeouts.httpSeconds, else 30)." };
        var insecure = new Option<bool>("--insecure") { Description = "Accept any TLS certificate (suite and browser); the report says so first. Prefer tls.caBundle in the profile." };
        var noRedact = new Option<bool>("--no-redact") { Description = "Leave secrets in the report, for local debugging; the report is marked as containing secrets." };
        var trace = new Option<bool>("--trace") { Description = "Record a Playwright trace of each browser launch into the report's artifacts folder (not redacted)." };
        var screenshots = new Option<ScreenshotPolicy>("--screenshots")
        {
            Description = "Which browser screenshots to keep: where a failed launch stopped (failures, the default), or also one after every step of every launch (steps).",
            HelpName = "failures|steps", DefaultValueFactory = _ => ScreenshotPolicy.Failures,
        };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier report.json: new failures, fixed checks and unchanged failures are listed in the report and here." };
        var failOn = new Option<FailOn>("--fail-on") { Description = "What exits with 1: any failing check (any, the default), or only checks that did not fail in the --baseline (new).", HelpName = "any|new" };
        var noProgress = new Option<bool>("--no-progress") { Description = "Print one plain line per check instead of the live progress line (always so when output is not a terminal)." };
        var command = new Command("run", "Run the conformance checks against the server a profile describes and write the report.")
        {
            profile, reportDir, filter, headed, fault, browser, timeout,
            insecure, noRedact, trace, screenshots, baseline, failOn, noProgress,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new RunOptions
            {
                ProfilePath = result.GetValue(profile)!,
                ReportDirectory = result.GetValue(reportDir)!,
                Headed = result.GetValue(headed),
                Faults = result.GetValue(fault) ?? [],
                BrowserPath = result.GetValue(browser),
                HttpTimeoutSeconds = result.GetValue(timeout),
                Insecure = result.GetValue(insecure),
                NoRedact = result.GetValue(noRedact),
                Trace = result.GetValue(trace),
                Screenshots = result.GetValue(screenshots),
                LiveProgress = !result.GetValue(noProgress),
            };
            var baselinePath = result.GetValue(baseline);
            if (!BaselineGate.TryLoad(baselinePath, result.GetValue(failOn), Console.Out, out var earlier))
                return ExitCodes.CouldNotRun;
            var run = await SuiteRunner.RunAsync(options, result.GetValue(filter), Console.Out, ct);
            return BaselineGate.Apply(run, earlier, baselinePath ?? "", result.GetValue(failOn), options.ReportDirectory, Console.Out);
        });
        return command;
    }
}
