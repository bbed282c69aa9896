using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartConformance.Bench;

/// <summary>
/// Full runs against the embedded reference server, each in a fresh process, against a floor: a run with a single
/// launch plus the longest wait the checks cannot avoid (the reference profile's access-token lifetime). The timed runs
/// are not sampled; one more full run samples memory and counts browser processes.
/// </summary>
public static class Benchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var root = RepoRoot();
        var scratch = Directory.CreateTempSubdirectory("smart-conformance-bench").FullName;
        var cli = await BuildCliAsync(root, scratch, options);
        if (cli is null) return 1;

        var full = new List<Sample>();
        for (var i = 0; i < options.Runs; i++)
        {
            var sample = await RunSuiteAsync(root, cli, Path.Combine(scratch, $"full-{i}"), filter: null);
            if (sample is null) return 1;
            full.Add(sample);
            Console.WriteLine($"  full run {i + 1}/{options.Runs}: {sample.Seconds:0.00} s, exit {sample.ExitCode}");
        }
        var memory = await RunSuiteAsync(root, cli, Path.Combine(scratch, "memory"), filter: null, sampleMemory: true);
        if (memory is null) return 1;
        Console.WriteLine($"  memory run (sampled, so not timed): peak {memory.PeakMb:0} MB, {memory.BrowserLaunches} browser launch(es), exit {memory.ExitCode}");
        var floorRuns = new List<Sample>();
        for (var i = 0; i < Math.Min(3, options.Runs); i++)
        {
            var sample = await RunSuiteAsync(root, cli, Path.Combine(scratch, $"floor-{i}"), filter: "AUTHZ-01");
            if (sample is null) return 1;
            floorRuns.Add(sample);
        }
        // The waits phase of report.json is the time a token-expiry wait was in progress: the wait the checks cannot avoid.
        var measuredWaits = full.Where(f => f.Phases.ContainsKey("waits")).Select(f => f.Phases["waits"]).ToList();
        var wait = measuredWaits.Count > 0 ? Math.Round(Median(measuredWaits), 2) : LongestUnavoidableWait(root);
        var floor = Median(floorRuns.Select(s => s.Seconds)) + wait;
        var result = Summarise(full, memory, floorRuns, wait, floor);
        result["build"] = options.ReadyToRun ? "ReadyToRun publish (dotnet publish -p:SmartReadyToRun=true)" : $"dotnet build -c {options.Configuration}";
        if (options.Matrix)
        {
            var matrix = await FaultMatrix.RunAsync(root);
            if (matrix is null) return 1;
            result["faultMatrix"] = matrix;
            ((JsonObject)result["targets"]!)["faultMatrixSeconds"] = 300;
        }
        var output = Path.Combine(root, options.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Print(result);
        Console.WriteLine($"Wrote {output}");
        return 0;
    }

    /// <summary>The CLI to time: the plain build a `dotnet run` uses, or a ReadyToRun publish into the scratch folder.</summary>
    private static async Task<string?> BuildCliAsync(string root, string scratch, BenchOptions options)
    {
        var project = Path.Combine("harness", "SmartConformance.Cli");
        if (!options.ReadyToRun)
        {
            Console.WriteLine($"Building the CLI ({options.Configuration})...");
            var build = await ProcessSampler.RunAsync("dotnet", ["build", "-c", options.Configuration, project, "-nologo", "-v", "q"], root, TimeSpan.FromMinutes(10));
            if (build.ExitCode != 0) { Console.Error.WriteLine(build.Output); return null; }
            return Path.Combine(root, project, "bin", options.Configuration, "net10.0", "smart-conformance.dll");
        }
        Console.WriteLine($"Publishing the CLI with ReadyToRun ({options.Configuration})...");
        var output = Path.Combine(scratch, "cli");
        var publish = await ProcessSampler.RunAsync("dotnet", ["publish", "-c", options.Configuration, project, "-p:SmartReadyToRun=true", "-o", output, "-nologo", "-v", "q"], root, TimeSpan.FromMinutes(15));
        if (publish.ExitCode != 0) { Console.Error.WriteLine(publish.Output); return null; }
        return Path.Combine(output, "smart-conformance.dll");
    }

    private static async Task<Sample?> RunSuiteAsync(string root, string cli, string reportDir, string? filter, bool sampleMemory = false)
    {
        string[] args = filter is null ? [cli, "run", "--report-dir", reportDir, "--no-progress"] : [cli, "run", "--report-dir", reportDir, "--no-progress", "--filter", filter];
        var run = await ProcessSampler.RunAsync("dotnet", args, root, TimeSpan.FromMinutes(5), sampleMemory);
        if (run.ExitCode == 2 && run.Output.Contains("no-progress"))
            run = await ProcessSampler.RunAsync("dotnet", args.Where(a => a != "--no-progress").ToArray(), root, TimeSpan.FromMinutes(5), sampleMemory);
        var reportPath = Path.Combine(reportDir, "report.json");
        if (!File.Exists(reportPath)) { Console.Error.WriteLine($"The run wrote no report:\n{run.Output}"); return null; }
        var report = JsonNode.Parse(await File.ReadAllTextAsync(reportPath))!;
        var phases = report["timings"] is JsonObject timings
            ? timings.ToDictionary(p => p.Key, p => p.Value!.GetValue<double>() / 1000)
            : new Dictionary<string, double>();
        return new Sample(run.Elapsed.TotalSeconds, run.PeakRssBytes / 1024.0 / 1024.0, run.BrowserLaunches, run.ExitCode, phases,
            report["summary"]?.ToJsonString() ?? "{}");
    }

    private static double LongestUnavoidableWait(string root)
    {
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "profiles", "reference.json")))!;
        var lifetime = profile["embedded"]?["accessTokenLifetimeSeconds"]?.GetValue<double>();
        return lifetime ?? 0;
    }

    private static JsonObject Summarise(List<Sample> full, Sample memory, List<Sample> floorRuns, double wait, double floor)
    {
        var warm = full.Skip(1).ToList();
        var phaseNames = full.SelectMany(s => s.Phases.Keys).Distinct().ToList();
        var phases = new JsonObject();
        foreach (var name in phaseNames)
        {
            var values = full.Where(s => s.Phases.ContainsKey(name)).Select(s => s.Phases[name]).ToList();
            phases[name] = new JsonObject { ["medianSeconds"] = Round(Median(values)), ["minSeconds"] = Round(values.Min()), ["maxSeconds"] = Round(values.Max()) };
        }
        var fullMedian = Median(full.Select(s => s.Seconds));
        return new JsonObject
        {
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            ["measuredAt"] = DateTimeOffset.UtcNow.ToString("O"),
            ["runs"] = full.Count,
            ["coldSeconds"] = Round(full[0].Seconds),
            ["warmMedianSeconds"] = warm.Count > 0 ? Round(Median(warm.Select(s => s.Seconds))) : null,
            ["fullMedianSeconds"] = Round(fullMedian),
            ["fullMinSeconds"] = Round(full.Min(s => s.Seconds)),
            ["fullMaxSeconds"] = Round(full.Max(s => s.Seconds)),
            ["peakMemoryMb"] = Round(memory.PeakMb),
            ["browserLaunchesPerRun"] = memory.BrowserLaunches,
            ["memoryRunSeconds"] = Round(memory.Seconds),
            ["floorSeconds"] = Round(floor),
            ["floorParts"] = new JsonObject { ["singleLaunchRunSeconds"] = Round(Median(floorRuns.Select(s => s.Seconds))), ["longestWaitSeconds"] = wait },
            ["ratioToFloor"] = Round(fullMedian / floor),
            ["phases"] = phases,
            ["lastSummary"] = JsonNode.Parse(full[^1].Summary),
            ["targets"] = new JsonObject { ["coldSeconds"] = 20, ["warmSeconds"] = 12, ["ratioToFloor"] = 1.5, ["peakMemoryMb"] = 700, ["browserLaunchesPerRun"] = 1 },
        };
    }

    private static void Print(JsonObject result)
    {
        Console.WriteLine($"cold {result["coldSeconds"]} s, warm median {result["warmMedianSeconds"]} s (spread {result["fullMinSeconds"]}–{result["fullMaxSeconds"]} s)");
        Console.WriteLine($"floor {result["floorSeconds"]} s, ratio {result["ratioToFloor"]}, peak {result["peakMemoryMb"]} MB, {result["browserLaunchesPerRun"]} browser launch(es) per run");
        if (result["faultMatrix"] is JsonObject matrix)
            Console.WriteLine($"fault matrix {matrix["seconds"]} s ({matrix["summary"]})");
        foreach (var (name, value) in (JsonObject)result["phases"]!)
            Console.WriteLine($"  {name,-12} median {value!["medianSeconds"]} s ({value["minSeconds"]}–{value["maxSeconds"]})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Round(double value) => Math.Round(value, 2);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SmartConformance.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the SmartConformance repository.");
    }

    private sealed record Sample(double Seconds, double PeakMb, int BrowserLaunches, int ExitCode, Dictionary<string, double> Phases, string Summary);
}
