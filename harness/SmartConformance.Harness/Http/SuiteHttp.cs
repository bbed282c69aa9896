using System.Net;
using SmartConformance.Harness.Evidence;

namespace SmartConformance.Harness.Http;

/// <summary>
/// Builds the HttpClient every suite request goes through: bounded in concurrency, honouring 429 Retry-After,
/// recorded, bounded in time and body size, and never following redirects unless a request asks to.
/// </summary>
public static class SuiteHttp
{
    /// <summary>Request option: follow same-origin redirects (bounded) for this request.</summary>
    public static readonly HttpRequestOptionsKey<bool> FollowRedirects = new("smart-conformance.follow-redirects");

    public static HttpClient CreateClient(ExchangeRecorder recorder, HttpSettings settings)
    {
        var trust = settings.Trust ?? (settings.TrustAllCertificates ? CertificateTrust.Insecure : CertificateTrust.System);
        var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectTimeout = settings.Timeout,
            MaxResponseHeadersLength = 256, // KB; a larger header block fails the request with a clear error
            MaxConnectionsPerServer = settings.MaxConcurrentRequests,
        };
        transport.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            trust.Validate(Authority(sender), certificate, chain, errors);
        var recording = new RecordingHandler(recorder, settings.MaxBodyBytes, settings.Timeout, trust, settings.Stopping) { InnerHandler = transport };
        var retry = new RetryAfterHandler(settings.MaxRetries, settings.MaxRetryAfter, settings.Throttling) { InnerHandler = recording };
        var redirects = new SameOriginRedirectHandler { InnerHandler = retry };
        var limit = new ConcurrencyLimitHandler(settings.MaxConcurrentRequests) { InnerHandler = redirects };
        return new HttpClient(limit) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>A request tagged with the name it will carry in the report.</summary>
    public static HttpRequestMessage Request(HttpMethod method, Uri url, string name, string? accept = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Options.Set(RecordingHandler.ExchangeName, name);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private static string Authority(object? sender) => sender switch
    {
        System.Net.Security.SslStream { TargetHostName: { } host } => host,
        HttpRequestMessage { RequestUri: { } uri } => uri.Host,
        _ => "",
    };
}

public sealed record HttpSettings
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public long MaxBodyBytes { get; init; } = 5 * 1024 * 1024;
    public bool TrustAllCertificates { get; init; }
    /// <summary>Which certificates to trust; overrides <see cref="TrustAllCertificates"/> when set.</summary>
    public CertificateTrust? Trust { get; init; }
    public int MaxConcurrentRequests { get; init; } = 4;
    public int MaxRetries { get; init; } = 2;
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);
    public ThrottleLog Throttling { get; init; } = new();
    /// <summary>Cancelled when the run is interrupted: every request in flight ends at once.</summary>
    public CancellationToken Stopping { get; init; }
}
