using System.Diagnostics;

namespace SmartConformance.Bench;

/// <summary>
/// Runs one command and times it; when asked, also samples the memory (PSS) of its whole process tree (the suite and the
/// browser it starts), keeping the peak, and counts distinct browser main processes seen.
/// </summary>
public static class ProcessSampler
{
    /// <param name="sampleMemory">
    /// False for timed runs: sampling reads every process's smaps_rollup, which costs the kernel enough to slow the run it
    /// measures, so times and memory come from different runs.
    /// </param>
    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit, bool sampleMemory = false)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        HashSet<int> browsers = [];
        using var deadline = new CancellationTokenSource(limit);
        if (sampleMemory) (peak, browsers) = await SampleUntilExitAsync(process, deadline.Token);
        else
        {
            try { await process.WaitForExitAsync(deadline.Token); } catch (OperationCanceledException) { }
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return new ProcessRun(process.ExitCode, clock.Elapsed, peak, browsers.Count, await output + await errors);
    }

    /// <summary>The peak PSS of the process tree and the browser main processes seen, until the process exits or the deadline passes.</summary>
    private static async Task<(long Peak, HashSet<int> Browsers)> SampleUntilExitAsync(Process process, CancellationToken deadline)
    {
        long peak = 0;
        var browsers = new HashSet<int>();
        while (!process.HasExited && !deadline.IsCancellationRequested)
        {
            var tree = Tree(process.Id, out var parents);
            peak = Math.Max(peak, tree.Sum(pid => Rss(pid)));
            // A browser's child, caught between fork and exec, still has the browser's command line: only a browser
            // process whose parent is not one counts as a launch.
            foreach (var pid in tree.Where(p => IsBrowserMain(p) && !IsBrowserMain(parents.GetValueOrDefault(p)))) browsers.Add(pid);
            // Reading every process's smaps_rollup costs the kernel real time: sampling more often slows the run measured.
            try { await Task.Delay(100, deadline); } catch (OperationCanceledException) { }
        }
        return (peak, browsers);
    }

    private static List<int> Tree(int root, out Dictionary<int, int> parents)
    {
        var children = new Dictionary<int, List<int>>();
        parents = [];
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
                parents[pid] = parent;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            var pid = queue.Dequeue();
            result.Add(pid);
            if (children.TryGetValue(pid, out var kids)) foreach (var kid in kids) queue.Enqueue(kid);
        }
        return result;
    }

    // Proportional set size: pages shared by the browser's many processes are counted once in total, not once per process.
    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:"));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return 0; }
    }

    private static bool IsBrowserMain(int pid)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            // argv[0], not the whole line: a launcher script (Debian's /usr/bin/chromium-headless-shell is `sh -e` running
            // the real binary) carries the browser's name in its arguments but is not a browser.
            var program = cmdline.Split('\0')[0];
            return (program.Contains("chrom", StringComparison.OrdinalIgnoreCase) || program.Contains("msedge")) && !cmdline.Contains("--type=") && !cmdline.Contains("crashpad");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}

public sealed record ProcessRun(int ExitCode, TimeSpan Elapsed, long PeakRssBytes, int BrowserLaunches, string Output);
