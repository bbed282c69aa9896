using SmartConformance.Reports.Model;

namespace SmartConformance.Reports;

/// <summary>Compares a run with an earlier one, check by check id.</summary>
public static class BaselineComparer
{
    /// <summary>True for the verdicts that fail a run: fail and error.</summary>
    public static bool IsFailing(string? verdict) => verdict is Verdicts.Fail or Verdicts.Error;

    public static BaselineComparison Compare(RunReport current, RunReport baseline, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        var before = baseline.Checks
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Verdict, StringComparer.Ordinal);

        var newFailures = new List<BaselineChange>();
        var fixedChecks = new List<BaselineChange>();
        var unchanged = new List<BaselineChange>();
        foreach (var check in current.Checks)
        {
            var was = before.GetValueOrDefault(check.Id);
            var change = new BaselineChange(check.Id, check.Title, check.Verdict, was);
            if (IsFailing(check.Verdict))
                (IsFailing(was) ? unchanged : newFailures).Add(change);
            else if (IsFailing(was) && check.Verdict is Verdicts.Pass or Verdicts.Warn)
                fixedChecks.Add(change);
        }
        return new BaselineComparison
        {
            Path = baselinePath,
            StartedAt = baseline.StartedAt,
            SuiteVersion = baseline.Suite.Version,
            NewFailures = newFailures,
            Fixed = fixedChecks,
            UnchangedFailures = unchanged,
        };
    }
}
