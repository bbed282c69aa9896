namespace SmartConformance.Cli.Running;

/// <summary>The process exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Every check passed (skips and warnings allowed).</summary>
    public const int Passed = 0;
    /// <summary>At least one check failed, or could not be decided (error); with --fail-on new, a check failed that did not fail in the --baseline.</summary>
    public const int ChecksFailed = 1;
    /// <summary>The run could not proceed: a bad profile, no browser, a target that would not start, bad arguments, an unreadable --baseline.</summary>
    public const int CouldNotRun = 2;
}
