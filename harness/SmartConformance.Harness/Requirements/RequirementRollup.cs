namespace SmartConformance.Harness.Requirements;

/// <summary>The verdict of one check in a run, as the report records it ("pass", "fail", "skip", "error", "warn").</summary>
public sealed record CheckResult(string CheckId, string Verdict, string Message);

/// <summary>The verdict strings of a requirement: a check's five, plus "not-tested".</summary>
public static class RequirementVerdicts
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Warn = "warn";
    public const string Skip = "skip";
    public const string Error = "error";
    public const string NotTested = "not-tested";
}

public sealed record JudgedRequirement(CoveredRequirement Row, string Verdict, string Reason);

/// <summary>
/// Rolls the verdicts of a requirement's checks up into one: pass only if every check passed; a failed check fails
/// a SHALL but only warns on SHOULD and MAY rows; a conditional row whose condition the server does not advertise is
/// skipped, naming what is missing; a row without checks is "not-tested" with its reason.
/// </summary>
public static class RequirementRollup
{
    /// <param name="results">Verdicts of the checks that ran; a declared check missing here did not run (filtered out).</param>
    /// <param name="conditionMet">Whether the discovery document meets the row's condition; null when unknown.</param>
    public static JudgedRequirement Judge(CoveredRequirement row, IReadOnlyDictionary<string, CheckResult> results, bool? conditionMet)
    {
        var requirement = row.Requirement;
        if (!row.IsTested)
            return new(row, RequirementVerdicts.NotTested, NotTestedText(requirement));

        var ran = row.Checks.Where(results.ContainsKey).Select(id => results[id]).ToList();
        if (ran.Count == 0)
            return new(row, RequirementVerdicts.Skip, $"None of its checks ran in this run: {string.Join(", ", row.Checks)}.");

        var failed = ran.Where(r => r.Verdict == RequirementVerdicts.Fail).ToList();
        if (failed.Count > 0)
            return requirement.IsMandatory
                ? new(row, RequirementVerdicts.Fail, $"Failed: {Ids(failed)}.")
                : new(row, RequirementVerdicts.Warn, $"Failed: {Ids(failed)} (a {requirement.Level} requirement, so a warning).");

        if (conditionMet == false && requirement.Condition is { } condition)
            return new(row, RequirementVerdicts.Skip, condition.DescribeUnmet());

        var errors = ran.Where(r => r.Verdict == RequirementVerdicts.Error).ToList();
        if (errors.Count > 0)
            return new(row, RequirementVerdicts.Error, $"The suite could not decide: {Ids(errors)} ended in error.");

        var warned = ran.Where(r => r.Verdict == RequirementVerdicts.Warn).ToList();
        if (warned.Count > 0)
            return new(row, RequirementVerdicts.Warn, $"Warned: {Ids(warned)}.");

        var notRun = row.Checks.Where(id => !results.ContainsKey(id)).ToList();
        var skipped = ran.Where(r => r.Verdict != RequirementVerdicts.Pass).ToList();
        if (skipped.Count == 0 && notRun.Count == 0)
            return new(row, RequirementVerdicts.Pass, $"Passed: {Ids(ran)}.");

        var parts = skipped.Select(r => $"{r.CheckId} skipped ({FirstLine(r.Message)})")
            .Concat(notRun.Select(id => $"{id} did not run"));
        var reason = "Not every check ran: " + string.Join("; ", parts) + ".";
        if (requirement.Condition is { } c && conditionMet is null) reason += $" It applies when the server advertises {c.Text}.";
        return new(row, RequirementVerdicts.Skip, reason);
    }

    public static string NotTestedText(Requirement requirement)
    {
        var text = requirement.NotTested ?? "no reason given";
        if (requirement.PlannedChecks.Count > 0) text += ": planned " + string.Join(", ", requirement.PlannedChecks);
        if (requirement.Note is { } note) text += (requirement.PlannedChecks.Count > 0 ? " (" + note.TrimEnd('.') + ")" : ": " + note);
        return text.EndsWith('.') || text.EndsWith(')') ? text : text + ".";
    }

    private static string Ids(IEnumerable<CheckResult> results) => string.Join(", ", results.Select(r => r.CheckId));

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "no message" : line.Length > 160 ? line[..157] + "..." : line.TrimEnd('.');
    }
}
