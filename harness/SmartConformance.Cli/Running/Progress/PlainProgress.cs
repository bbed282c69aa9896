namespace SmartConformance.Cli.Running.Progress;

/// <summary>One line per finished check, nothing else: for CI logs, pipes and --no-progress.</summary>
public sealed class PlainProgress(TextWriter console) : ICheckProgress
{
    public void Started(string id, string title, string group) { }

    public void Finished(CheckOutcome outcome) => console.WriteLine(CheckLine.Format(outcome));

    public void Completed() { }
}

/// <summary>The line a finished check prints: "  FAIL  TOK-02    Token responses are not cacheable".</summary>
public static class CheckLine
{
    public static string Format(CheckOutcome outcome) => $"  {outcome.Verdict.ToUpperInvariant(),-5} {outcome.Id,-9} {outcome.Title}";
}
