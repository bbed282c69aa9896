using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>
/// The launch values the EHR handed out: opaque, bound to one client, short-lived and redeemed once (when the
/// authorization code is issued). Lookups before redemption let the same authorize request be replayed through
/// login and consent.
/// </summary>
internal sealed class EhrLaunchStore(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (EhrLaunchContext Context, DateTimeOffset Expires)> _launches = new(StringComparer.Ordinal);

    public string Create(EhrLaunchContext context)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _launches.Where(l => l.Value.Expires <= now).Select(l => l.Key).ToList())
        {
            _launches.TryRemove(expired, out _);
        }
        var value = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        _launches[value] = (context, now + Lifetime);
        return value;
    }

    /// <summary>The launch's context when the value is known, unexpired, unredeemed and was made for this client.</summary>
    public EhrLaunchContext? Find(string? value, string? clientId) =>
        value is not null && _launches.TryGetValue(value, out var entry) && entry.Expires > clock.GetUtcNow() &&
        string.Equals(entry.Context.ClientId, clientId, StringComparison.Ordinal)
            ? entry.Context
            : null;

    /// <summary>Like <see cref="Find"/>, but the value cannot be used again.</summary>
    public EhrLaunchContext? Redeem(string? value, string? clientId)
    {
        var context = Find(value, clientId);
        return context is not null && _launches.TryRemove(value!, out _) ? context : null;
    }

    private static string Base64UrlEncode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
