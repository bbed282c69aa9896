using System.Diagnostics;

namespace SmartConformance.Harness.Session;

/// <summary>
/// Where a run's time went, by phase (start-up, browser, discovery, launches, waits, checks, report). Phases overlap
/// when fixtures run in parallel, so each phase reports the wall-clock time during which at least one of its intervals
/// was in progress (the union of its intervals), not their sum. Thread-safe.
/// </summary>
public sealed class RunTimings
{
    public const string StartUp = "startUp";
    public const string Browser = "browser";
    public const string Discovery = "discovery";
    public const string Launches = "launches";
    public const string Waits = "waits";
    public const string Checks = "checks";
    public const string Report = "report";

    private static readonly string[] Order = [StartUp, Browser, Discovery, Launches, Waits, Checks, Report];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Phase, TimeSpan Start, TimeSpan End)> _intervals = [];

    /// <summary>Times the phase until the returned handle is disposed.</summary>
    public IDisposable Measure(string phase) => new Interval(this, phase, _clock.Elapsed);

    /// <summary>Records an interval measured elsewhere (start-up begins before this object exists).</summary>
    public void Add(string phase, TimeSpan duration)
    {
        var end = _clock.Elapsed;
        Add(phase, end - duration, end);
    }

    private void Add(string phase, TimeSpan start, TimeSpan end)
    {
        lock (_intervals) _intervals.Add((phase, start, end));
    }

    /// <summary>Milliseconds per phase, in the order a run goes through them; phases that never happened are left out.</summary>
    public IReadOnlyDictionary<string, long> Snapshot()
    {
        List<(string Phase, TimeSpan Start, TimeSpan End)> all;
        lock (_intervals) all = [.. _intervals];
        var result = new Dictionary<string, long>();
        foreach (var phase in Order.Concat(all.Select(i => i.Phase)).Distinct())
        {
            var mine = all.Where(i => i.Phase == phase).OrderBy(i => i.Start).ToList();
            if (mine.Count == 0) continue;
            result[phase] = (long)Union(mine).TotalMilliseconds;
        }
        return result;
    }

    private static TimeSpan Union(List<(string Phase, TimeSpan Start, TimeSpan End)> sorted)
    {
        var total = TimeSpan.Zero;
        var (start, end) = (sorted[0].Start, sorted[0].End);
        foreach (var (_, s, e) in sorted.Skip(1))
        {
            if (s > end)
            {
                total += end - start;
                (start, end) = (s, e);
            }
            else if (e > end) end = e;
        }
        return total + (end - start);
    }

    private sealed class Interval(RunTimings owner, string phase, TimeSpan start) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) owner.Add(phase, start, owner._clock.Elapsed);
        }
    }
}
