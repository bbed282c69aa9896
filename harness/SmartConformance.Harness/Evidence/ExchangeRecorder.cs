using System.Collections.Concurrent;

namespace SmartConformance.Harness.Evidence;

/// <summary>
/// The single store of everything the suite and the browser sent and received during a run.
/// Checks and reports read from here; nothing keeps evidence on the side.
/// </summary>
public sealed class ExchangeRecorder
{
    private readonly ConcurrentQueue<HttpExchange> _exchanges = new();
    private long _sequence;

    /// <summary>Says which check is running now, so an exchange can be attributed to it. Set by the test layer.</summary>
    public Func<string?> CurrentOwner { get; set; } = () => null;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public HttpExchange Record(HttpExchange exchange)
    {
        var owned = exchange.Owner is null ? exchange with { Owner = CurrentOwner() } : exchange;
        _exchanges.Enqueue(owned);
        return owned;
    }

    public IReadOnlyList<HttpExchange> All => _exchanges.OrderBy(e => e.Sequence).ToList();

    public IReadOnlyList<HttpExchange> OwnedBy(string owner) =>
        _exchanges.Where(e => e.Owner == owner).OrderBy(e => e.Sequence).ToList();
}
