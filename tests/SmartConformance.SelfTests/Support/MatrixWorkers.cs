using System.Globalization;

namespace SmartConformance.SelfTests.Support;

/// <summary>
/// How many fault-matrix runs go side by side: SMART_MATRIX_WORKERS, else one per core, each in its own worker process
/// (<see cref="MatrixWorkerPool"/>). A run is CPU work (its reference server, its browser, its checks): on the 2-core
/// development VM, more runs than cores only made each slower (in-process, 2 min 56 s with 2 side by side, 3 min 18 s
/// with 4), and a loaded machine then risks the suite's own step timeouts.
/// </summary>
public static class MatrixWorkers
{
    public const string Variable = "SMART_MATRIX_WORKERS";

    /// <summary>NUnit's worker threads for parallel tests (the LevelOfParallelism below) cap what the variable can ask for.</summary>
    public const int Most = 16;

    public static int Count => Parse(Environment.GetEnvironmentVariable(Variable));

    private static int Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Math.Clamp(Environment.ProcessorCount, 1, Most);
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            throw new InvalidOperationException($"{Variable} must be a whole number of at least 1, not \"{value}\".");
        return Math.Min(count, Most);
    }
}
