namespace SmartConformance.ReferenceServer;

/// <summary>How to start a <see cref="ReferenceServerHost"/>.</summary>
public sealed class ReferenceServerOptions
{
    /// <summary>Names of faults to inject (see <see cref="FaultCatalog.All"/>). An unknown name fails the start with an <see cref="ArgumentException"/>.</summary>
    public IReadOnlyCollection<string> Faults { get; init; } = [];

    /// <summary>Redirect URIs registered for every seeded client, e.g. the suite's loopback listener <c>http://127.0.0.1:53123/callback</c>.</summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = 0;

    /// <summary>
    /// Listen with HTTPS, presenting a self-signed certificate made at start for 127.0.0.1 and localhost
    /// (<see cref="ReferenceServerHost.Certificate"/>); every URL the server publishes is then https.
    /// </summary>
    public bool Https { get; init; }

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The access token lifetime of the <see cref="SeedData.ShortLivedClientId"/> client.</summary>
    public TimeSpan ShortLivedAccessTokenLifetime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Optional one-line log sink (requests, warnings, errors). Null keeps the server silent.</summary>
    public Action<string>? Log { get; init; }
}
