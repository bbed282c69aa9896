using System.Globalization;

namespace SmartConformance.SelfTests.Support;

/// <summary>
/// How many fault-matrix runs go side by side in the test process: SMART_MATRIX_WORKERS, else one per core. The runs
/// share one browser, whose launch gate lets one launch per core drive it, and the rest of a run (its reference server,
/// its checks) is CPU work too: on the 2-core development VM the whole matrix took 2 min 56 s with 2 runs side by side
/// and 3 min 18 s with 4, so more runs than cores only make each slower (and a loaded machine then risks the suite's
/// own step timeouts).
/// </summary>
public static class MatrixWorkers
{
    public const string Variable = "SMART_MATRIX_WORKERS";

    /// <summary>NUnit's worker threads for parallel tests (the LevelOfParallelism below) cap what the variable can ask for.</summary>
    public const int Most = 16;

    private static readonly Lazy<SemaphoreSlim> Slots = new(() => new SemaphoreSlim(Count, Count));

    public static int Count => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Waits for a free slot; dispose the result to give it back.</summary>
    public static async Task<IDisposable> EnterAsync()
    {
        await Slots.Value.WaitAsync();
        return new Slot();
    }

    private static int Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Math.Clamp(Environment.ProcessorCount, 1, Most);
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            throw new InvalidOperationException($"{Variable} must be a whole number of at least 1, not \"{value}\".");
        return Math.Min(count, Most);
    }

    private sealed class Slot : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Slots.Value.Release();
        }
    }
}
