using System.Collections.Concurrent;

namespace SmartConformance.ReferenceServer.Backend;

/// <summary>
/// The <c>jti</c> values of accepted client assertions, per client, kept until the assertion expires: a second use within
/// that lifetime is a replay (SMART client-confidential-asymmetric, signature verification; RFC 7523 §3).
/// </summary>
internal sealed class AssertionReplayCache
{
    private readonly ConcurrentDictionary<(string Client, string Jti), DateTimeOffset> _seen = new();

    /// <summary>Records the jti; false when it was already recorded and has not expired.</summary>
    public bool TryRecord(string clientId, string jti, DateTimeOffset expires)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (key, until) in _seen)
        {
            if (until < now) _seen.TryRemove(key, out _);
        }
        return _seen.TryAdd((clientId, jti), expires);
    }
}
