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
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _sharedUse = new();

    /// <summary>The owner of the exchanges a shared evidence flow makes (see SuiteSession.Shared).</summary>
    public static string SharedOwner(string key) => "shared:" + key;

    /// <summary>The check (or shared flow) asked for the shared evidence named <paramref name="key"/>: its exchanges are the check's evidence too.</summary>
    public void UseShared(string check, string key) =>
        _sharedUse.GetOrAdd(check, _ => new ConcurrentDictionary<string, byte>()).TryAdd(SharedOwner(key), 0);

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
        Owners(check).SelectMany(owner => (_exchanges.TryGetValue(owner, out var used) ? used.ToList() : []).Concat(recorder.OwnedBy(owner)))
            .DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).ToList();

    /// <summary>The check itself and every shared flow it used, directly or through another shared flow.</summary>
    private HashSet<string> Owners(string check)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([check]);
        while (pending.TryPop(out var owner))
        {
            if (!owners.Add(owner)) continue;
            if (_sharedUse.TryGetValue(owner, out var shared))
                foreach (var key in shared.Keys) pending.Push(key);
        }
        return owners;
    }

    public IReadOnlyList<BrowserArtifact> ArtifactsFor(string check) =>
        _artifacts.TryGetValue(check, out var used) ? used.DistinctBy(a => a.FullPath).ToList() : [];
}
