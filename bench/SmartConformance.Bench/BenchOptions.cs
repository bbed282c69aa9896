namespace SmartConformance.Bench;

/// <param name="ReadyToRun">
/// Time a ReadyToRun publish of the CLI (compiled ahead of time, as README's CI section publishes it for repeated runs);
/// false (--plain-build) times the plain build that `dotnet run` uses.
/// </param>
/// <param name="Matrix">Also time the self-tests' fault matrix (a `dotnet test` of FaultMatrixTests); false with --no-matrix.</param>
public sealed record BenchOptions(int Runs, string Output, string Configuration, bool ReadyToRun, bool Matrix)
{
    public const string Usage = "usage: bench [--runs N] [--output FILE] [--configuration Release|Debug] [--plain-build] [--no-matrix]";

    public static BenchOptions? Parse(string[] args)
    {
        var runs = 5;
        var output = Path.Combine("reports", "bench.json");
        var configuration = "Release";
        bool readyToRun = true, matrix = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is > 0 and <= 50: runs = n; i++; break;
                case "--output" when i + 1 < args.Length: output = args[++i]; break;
                case "--configuration" when i + 1 < args.Length: configuration = args[++i]; break;
                case "--plain-build": readyToRun = false; break;
                case "--no-matrix": matrix = false; break;
                default: return null;
            }
        }
        return new BenchOptions(runs, output, configuration, readyToRun, matrix);
    }
}
