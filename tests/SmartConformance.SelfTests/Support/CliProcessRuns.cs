using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Support;

/// <summary>
/// How a child smart-conformance process ended: its exit code (null when it was killed at the time limit), the report.json
/// it wrote (null when it wrote none), where it wrote it, and everything it printed (the explanation for a failed assertion).
/// </summary>
public sealed record CliProcessRun(int? ExitCode, RunReport? Report, string ReportDirectory, string Console);

/// <summary>
/// Runs the whole suite against the embedded reference server in a child process, as a user runs the command. Unlike
/// <see cref="SuiteRuns"/> (in-process, one run at a time per process), several of these can run side by side.
/// </summary>
public static class CliProcessRuns
{
    // The referenced Cli project's output (dll, runtimeconfig.json, deps.json) is copied beside the SelfTests by the build.
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "smart-conformance.dll");

    private static readonly ConcurrentDictionary<int, Process> Running = new();

    /// <param name="filter">Only these checks (the run command's --filter); null runs every check.</param>
    public static async Task<CliProcessRun> AgainstReferenceAsync(string label, string? fault, IReadOnlyCollection<string>? filter, TimeSpan limit)
    {
        var reportDir = RepoPaths.NewTempDirectory(label);
        string[] args = ["exec", Cli, "run", "--profile", RepoPaths.Profile("reference.json"), "--report-dir", reportDir, "--no-progress"];
        if (fault is not null) args = [.. args, "--fault", fault];
        if (filter is { Count: > 0 }) args = [.. args, "--filter", string.Join(',', filter)];
        var output = new StringBuilder();
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", args)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            },
        };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        Running[process.Id] = process;
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timer = new CancellationTokenSource(limit);
            try
            {
                // Also waits for the end of the output, so a browser that kept the pipe open counts as still running.
                await process.WaitForExitAsync(timer.Token);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                lock (output) output.AppendLine($"[self-tests] smart-conformance {string.Join(' ', args.Skip(2))} did not finish within {limit.TotalSeconds:0} s and was killed with its browser.");
                return new CliProcessRun(null, null, reportDir, Text(output));
            }
        }
        finally
        {
            Running.TryRemove(process.Id, out _);
        }

        var reportJson = Path.Combine(reportDir, "report.json");
        return new CliProcessRun(process.ExitCode, File.Exists(reportJson) ? JsonReportReader.Read(reportJson) : null, reportDir, Text(output));
    }

    /// <summary>Kills every child still running (with its browsers): nothing a fixture started may outlive it.</summary>
    public static void KillAll()
    {
        foreach (var process in Running.Values) KillTree(process);
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception) { /* already gone */ }
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
