using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.Cli.Running;

/// <summary>What fails a run: any failing check (the default) or only checks that did not fail in the baseline.</summary>
public enum FailOn
{
    Any,
    New,
}

/// <summary>
/// --baseline and --fail-on: compares a finished run with an earlier report.json, puts the comparison into the
/// report files, prints it, and decides the exit code.
/// </summary>
public static class BaselineGate
{
    /// <summary>Reads the baseline before the run, so a wrong path stops the run at once (exit 2) rather than after it.</summary>
    public static bool TryLoad(string? path, FailOn failOn, TextWriter console, out RunReport? baseline)
    {
        baseline = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            if (failOn == FailOn.New)
            {
                console.WriteLine("--fail-on new needs --baseline PATH: the report.json of an earlier run to compare with.");
                return false;
            }
            return true;
        }
        if (!File.Exists(path))
        {
            console.WriteLine($"--baseline: no file at {Path.GetFullPath(path)}; give the report.json of an earlier run.");
            return false;
        }
        try
        {
            baseline = JsonReportReader.Read(path);
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.WriteLine($"--baseline: {ex.Message}");
            return false;
        }
    }

    /// <summary>Adds the comparison to the run's report (and rewrites the report files), prints it, and returns the exit code.</summary>
    public static int Apply(RunResult run, RunReport? baseline, string baselinePath, FailOn failOn, string reportDirectory, TextWriter console)
    {
        if (baseline is null || run.Report is null || run.ExitCode == ExitCodes.CouldNotRun)
            return run.ExitCode;

        var comparison = BaselineComparer.Compare(run.Report, baseline, baselinePath);
        ReportWriter.WriteAll(run.Report with { Baseline = comparison }, reportDirectory);
        Print(comparison, console);

        if (failOn != FailOn.New)
            return run.ExitCode;
        var exit = comparison.NewFailures.Count > 0 ? ExitCodes.ChecksFailed : ExitCodes.Passed;
        console.WriteLine(exit == ExitCodes.Passed
            ? $"--fail-on new: no new failures; exit 0{(comparison.UnchangedFailures.Count > 0 ? $" ({Plural(comparison.UnchangedFailures.Count, "unchanged failure")} not counted)" : "")}."
            : $"--fail-on new: {Plural(comparison.NewFailures.Count, "new failure")}; exit 1.");
        return exit;
    }

    public static void Print(BaselineComparison comparison, TextWriter console)
    {
        console.WriteLine($"Compared with the baseline {comparison.Path} (run started {comparison.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC): " +
                          $"{Plural(comparison.NewFailures.Count, "new failure")}, {comparison.Fixed.Count} fixed, {Plural(comparison.UnchangedFailures.Count, "unchanged failure")}.");
        foreach (var change in comparison.NewFailures) Line(console, "NEW", change);
        foreach (var change in comparison.Fixed) Line(console, "FIXED", change);
        foreach (var change in comparison.UnchangedFailures) Line(console, "STILL", change);
    }

    private static void Line(TextWriter console, string label, BaselineChange change) =>
        console.WriteLine($"  {label,-5} {change.Id,-9} {change.Title} ({change.BaselineVerdict ?? "not in the baseline"} → {change.Verdict})");

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
