using System.Text;
using SmartConformance.Harness.Session;

namespace SmartConformance.Cli.Running.Progress;

/// <summary>Chooses how a run shows its progress: live on an interactive terminal, one plain line per check otherwise.</summary>
public static class CheckProgress
{
    public static ICheckProgress For(TextWriter console, RunOptions options) =>
        IsInteractiveTerminal(console) && options.LiveProgress
            ? new LiveProgress(console, colour: SupportsColour(), width: () => Console.WindowWidth,
                unicode: Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage, tick: TimeSpan.FromSeconds(1))
            : new PlainProgress(console);

    /// <summary>True only for the process's own, unredirected standard output, outside CI and dumb terminals.</summary>
    public static bool IsInteractiveTerminal(TextWriter console) =>
        ReferenceEquals(console, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    private static bool SupportsColour() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && (!OperatingSystem.IsWindows() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WT_SESSION")));
}
