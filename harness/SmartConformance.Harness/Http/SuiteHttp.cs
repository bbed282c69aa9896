using System.Net;
using SmartConformance.Harness.Evidence;

namespace SmartConformance.Harness.Http;

/// <summary>Builds the HttpClient every suite request goes through: recorded, bounded, never following redirects on its own.</summary>
public static class SuiteHttp
{
    public static HttpClient CreateClient(ExchangeRecorder recorder, HttpSettings settings)
    {
        var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectTimeout = settings.Timeout,
            MaxResponseHeadersLength = 256, // KB; a larger header block fails the request with a clear error
        };
        if (settings.TrustAllCertificates)
            transport.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        var recording = new RecordingHandler(recorder, settings.MaxBodyBytes, settings.Timeout) { InnerHandler = transport };
        return new HttpClient(recording) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>A request tagged with the name it will carry in the report.</summary>
    public static HttpRequestMessage Request(HttpMethod method, Uri url, string name, string? accept = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Options.Set(RecordingHandler.ExchangeName, name);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }
}

public sealed record HttpSettings
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public long MaxBodyBytes { get; init; } = 5 * 1024 * 1024;
    public bool TrustAllCertificates { get; init; }
}
