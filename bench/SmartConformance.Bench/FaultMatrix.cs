using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SmartConformance.Bench;

/// <summary>Times the self-tests' fault matrix (every fault against the checks it names, and the faultless run), as CI runs it.</summary>
public static partial class FaultMatrix
{
    private static readonly string SelfTests = Path.Combine("tests", "SmartConformance.SelfTests");

    /// <summary>The matrix's wall time from `dotnet test` start to end (after a separate build), and its test summary; null when it could not run.</summary>
    public static async Task<JsonObject?> RunAsync(string root)
    {
        Console.WriteLine("Building the self-tests...");
        var build = await ProcessSampler.RunAsync("dotnet", ["build", SelfTests, "-nologo", "-v", "q"], root, TimeSpan.FromMinutes(10));
        if (build.ExitCode != 0) { Console.Error.WriteLine(build.Output); return null; }
        Console.WriteLine("Running the fault matrix...");
        var run = await ProcessSampler.RunAsync("dotnet",
            ["test", SelfTests, "--no-build", "-p:SmartCoverageReport=false", "--filter", "FullyQualifiedName~FaultMatrixTests"], root, TimeSpan.FromMinutes(30));
        var summary = Summary().Match(run.Output);
        if (!summary.Success) { Console.Error.WriteLine($"The fault matrix printed no test summary:\n{run.Output}"); return null; }
        return new JsonObject
        {
            ["seconds"] = Math.Round(run.Elapsed.TotalSeconds, 1),
            ["summary"] = summary.Value,
            ["exitCode"] = run.ExitCode,
        };
    }

    [GeneratedRegex(@"Failed: +\d+, Passed: +\d+, Skipped: +\d+, Total: +\d+")]
    private static partial Regex Summary();
}
