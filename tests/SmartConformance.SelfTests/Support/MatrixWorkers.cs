using System.Globalization;

namespace SmartConformance.SelfTests.Support;

/// <summary>
/// How many fault-matrix runs (child processes) go side by side: SMART_MATRIX_WORKERS, else one per core. A run uses
/// about 0.9 of a core on average (it mostly waits on browser launches and its own server), so one run per core keeps
/// the cores busy without oversubscribing them; a browser launch is CPU-heavy, and more runs than cores only slow each
/// run down: on a busy 2-core machine, 3 side by side pushed browser steps and token requests past the suite's own
/// timeouts (15 s, 30 s), so runs failed for want of CPU, where 2 side by side passed.
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
