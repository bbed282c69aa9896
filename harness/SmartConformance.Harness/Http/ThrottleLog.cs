using System.Collections.Concurrent;

namespace SmartConformance.Harness.Http;

/// <summary>What the server's rate limiting did to the run: each 429 seen, how long the suite waited, what was given up.</summary>
public sealed class ThrottleLog
{
    private readonly ConcurrentQueue<ThrottleEvent> _events = new();

    public void Add(ThrottleEvent e) => _events.Enqueue(e);

    public IReadOnlyList<ThrottleEvent> Events => _events.ToArray();

    /// <summary>One line for the report's notices, or null when the server never throttled the suite.</summary>
    public string? Summary()
    {
        var events = Events;
        if (events.Count == 0) return null;
        var waited = events.Sum(e => e.Waited.TotalSeconds);
        var gaveUp = events.Where(e => e.GaveUp is not null).ToList();
        return $"The server answered 429 Too Many Requests {events.Count} time(s); the suite waited {waited:0.#} s in all as Retry-After asked" +
               (gaveUp.Count == 0 ? " and every request then succeeded." :
                   $", and gave up on {gaveUp.Count} request(s): {string.Join("; ", gaveUp.Select(g => $"{g.Method} {g.Url} ({g.GaveUp})").Distinct().Take(5))}.");
    }
}

public sealed record ThrottleEvent(string Method, Uri Url, TimeSpan Waited, string? GaveUp);
