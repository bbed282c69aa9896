using System.Collections.Concurrent;
using SmartConformance.Harness.Browser;

namespace SmartConformance.Harness.Evidence;

/// <summary>
/// Which recorded exchanges and browser artifacts each check relied on. A check made some exchanges itself
/// (the recorder attributes those) and used others made once for many checks (attached here).
/// </summary>
public sealed class EvidenceLedger
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<HttpExchange>> _exchanges = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<BrowserArtifact>> _artifacts = new();

    public void Use(string check, IEnumerable<HttpExchange?> exchanges)
    {
        var list = _exchanges.GetOrAdd(check, _ => new ConcurrentQueue<HttpExchange>());
        foreach (var exchange in exchanges)
            if (exchange is not null) list.Enqueue(exchange);
    }

    public void Use(string check, IEnumerable<BrowserArtifact> artifacts)
    {
        var list = _artifacts.GetOrAdd(check, _ => new ConcurrentQueue<BrowserArtifact>());
        foreach (var artifact in artifacts) list.Enqueue(artifact);
    }

    public IReadOnlyList<HttpExchange> ExchangesFor(string check, ExchangeRecorder recorder) =>
        (_exchanges.TryGetValue(check, out var used) ? used.ToList() : [])
            .Concat(recorder.OwnedBy(check))
            .DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).ToList();

    public IReadOnlyList<BrowserArtifact> ArtifactsFor(string check) =>
        _artifacts.TryGetValue(check, out var used) ? used.DistinctBy(a => a.FullPath).ToList() : [];
}
