using System.Net.Sockets;
using System.Security.Authentication;

namespace SmartConformance.Harness.Http;

/// <summary>Says in words why no usable response arrived: a timeout, a refused or reset connection, a TLS refusal, a body that could not be decoded.</summary>
public static class TransportProblem
{
    public static string Describe(Exception ex, Uri url, TimeSpan timeout, CertificateTrust trust, CancellationToken callerToken, CancellationToken runStopping) => ex switch
    {
        OperationCanceledException when runStopping.IsCancellationRequested => "the run was interrupted before the response arrived",
        OperationCanceledException when !callerToken.IsCancellationRequested => $"no complete response within {timeout.TotalSeconds:0.#} s (the HTTP timeout; raise it with --timeout or timeouts.httpSeconds)",
        OperationCanceledException => "the request was cancelled",
        _ when Find<AuthenticationException>(ex) is not null => Tls(url, trust, Find<AuthenticationException>(ex)!),
        _ when Find<SocketException>(ex) is { } socket => $"{Plain(ex)} [{socket.SocketErrorCode} talking to {url.Authority}]",
        _ => Plain(ex),
    };

    private static string Tls(Uri url, CertificateTrust trust, AuthenticationException ex)
    {
        var why = trust.RefusalFor(url.Host);
        return why is null
            ? $"the TLS handshake with {url.Authority} failed: {ex.Message}"
            : $"the TLS certificate of {url.Authority} is not trusted: {why}. A SMART app would refuse it too. " +
              "For a test server, add its CA certificate to the profile (tls.caBundle, a PEM file) or run with --insecure (the report will say so).";
    }

    private static string Plain(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
            if (!parts.Contains(e.Message)) parts.Add(e.Message);
        return string.Join(" ← ", parts);
    }

    private static T? Find<T>(Exception ex) where T : Exception
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
