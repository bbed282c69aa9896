using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using SmartConformance.Harness.Http;

namespace SmartConformance.Harness.Tls;

/// <summary>What a TLS handshake with the machine's default protocols negotiated, or why it did not complete.</summary>
public sealed record TlsHandshakeResult(SslProtocols? Protocol, string? Problem)
{
    public bool Completed => Protocol is not null;

    /// <summary>"TLS 1.3", "TLS 1.2", ... as a report reader writes it.</summary>
    public static string Name(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
#pragma warning disable SYSLIB0039 // only named, never offered
        SslProtocols.Tls11 => "TLS 1.1",
        SslProtocols.Tls => "TLS 1.0",
#pragma warning restore SYSLIB0039
        _ => protocol.ToString(),
    };
}

/// <summary>One TLS handshake to host:port, certificate judged by the run's trust; nothing is sent after it.</summary>
public static class TlsHandshake
{
    public static async Task<TlsHandshakeResult> RunAsync(string host, int port, CertificateTrust trust, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(host, port, limit.Token);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false,
                (_, certificate, chain, errors) => trust.Validate(host, certificate, chain, errors));
            // SslProtocols.None: whatever this machine's TLS library offers by default, as any up-to-date client would.
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host, EnabledSslProtocols = SslProtocols.None }, limit.Token);
            return new TlsHandshakeResult(tls.SslProtocol, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TlsHandshakeResult(null, $"no TLS handshake completed within {timeout.TotalSeconds:0.#} s");
        }
        catch (AuthenticationException ex)
        {
            var refusal = trust.RefusalFor(host);
            return new TlsHandshakeResult(null, refusal is null
                ? $"the TLS handshake failed: {Innermost(ex)}"
                : $"the server's certificate is not trusted ({refusal})");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return new TlsHandshakeResult(null, $"the connection failed: {Innermost(ex)}");
        }
    }

    private static string Innermost(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
        return string.Join(" → ", messages.Distinct());
    }
}
