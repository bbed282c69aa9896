using SmartConformance.Reports.Model;

namespace SmartConformance.Cli.Running;

/// <summary>
/// Completes the outcomes of a run that was cut short: a check that was running is marked "error" (its result would be
/// an artefact of the stop), and every check that never ran is marked "error" with "not run", so nothing is silently missing.
/// </summary>
public static class PartialRun
{
    public static IReadOnlyList<CheckOutcome> Complete(IReadOnlyList<CheckOutcome> finished, CheckRunResult run)
    {
        if (run.StopReason is not { } reason) return finished;
        var done = finished.Where(o => !run.RunningWhenStopped.Contains(o.TestId)).ToList();
        var doneIds = done.Select(o => o.TestId).ToHashSet();
        foreach (var test in run.Planned.Where(t => !doneIds.Contains(t.Id)))
        {
            var wasRunning = run.RunningWhenStopped.Contains(test.Id);
            var message = wasRunning
                ? $"Not run to completion: {reason} while this check was running. The evidence it had gathered is attached; run it again to get a verdict."
                : $"Not run: {reason} before this check started.";
            if (CheckOutcome.Of(test, Verdicts.Error, message, TimeSpan.Zero) is { } outcome) done.Add(outcome);
        }
        return done;
    }

    public static string Notice(CheckRunResult run, IReadOnlyList<CheckOutcome> outcomes)
    {
        var notRun = outcomes.Count(o => o.Message.StartsWith("Not run", StringComparison.Ordinal));
        return $"This report is partial: {run.StopReason}. {notRun} of {run.Planned.Count} check(s) did not finish and are marked error (\"Not run\").";
    }
}
