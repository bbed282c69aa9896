using System.Collections.Concurrent;

namespace SmartConformance.Harness.Evidence;

/// <summary>
/// The single store of everything the suite and the browser sent and received during a run.
/// Checks and reports read from here; nothing keeps evidence on the side.
/// </summary>
public sealed class ExchangeRecorder
{
    private readonly ConcurrentQueue<HttpExchange> _exchanges = new();
    private readonly AsyncLocal<string?> _flowOwner = new();
    private long _sequence;

    /// <summary>Says which check is running now, so an exchange can be attributed to it. Set by the test layer.</summary>
    public Func<string?> CurrentOwner { get; set; } = () => null;

    /// <summary>
    /// Who the exchanges made now belong to: the evidence flow this code runs in (<see cref="OwnFlow"/>), else the running
    /// check. Both follow the async flow, not the thread, so they stay right when fixtures run in parallel.
    /// </summary>
    public string? Owner => _flowOwner.Value ?? CurrentOwner();

    /// <summary>Attributes the exchanges of the current async flow (and what it starts) to <paramref name="owner"/>.</summary>
    public void OwnFlow(string owner) => _flowOwner.Value = owner;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public HttpExchange Record(HttpExchange exchange)
    {
        var owned = exchange.Owner is null ? exchange with { Owner = Owner } : exchange;
        _exchanges.Enqueue(owned);
        return owned;
    }

    public IReadOnlyList<HttpExchange> All => _exchanges.OrderBy(e => e.Sequence).ToList();

    public IReadOnlyList<HttpExchange> OwnedBy(string owner) =>
        _exchanges.Where(e => e.Owner == owner).OrderBy(e => e.Sequence).ToList();
}
