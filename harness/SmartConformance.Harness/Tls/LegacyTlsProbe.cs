using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SmartConformance.Harness.Tls;

/// <summary>How a server answered a ClientHello that offers nothing above TLS 1.0 or TLS 1.1.</summary>
/// <param name="Accepted">The server chose the legacy version (its ServerHello names it).</param>
/// <param name="Answer">What came back, for the report: "alert protocol_version (70)", "a ServerHello for TLS 1.1"...</param>
/// <param name="Inconclusive">Nothing could be learned (no TCP connection): neither accepted nor refused.</param>
public sealed record LegacyTlsAnswer(bool Accepted, string Answer, bool Inconclusive = false);

/// <summary>
/// Asks a server for TLS 1.0 or TLS 1.1 with a hand-built ClientHello and reads only its first answer. The hello is
/// written here rather than by the platform's TLS library because current libraries (OpenSSL 3 with its default
/// configuration, recent Windows) refuse to offer these versions at all, which would leave the refusal untested.
/// The handshake is never completed: a ServerHello choosing the version is the server agreeing to it.
/// </summary>
public static class LegacyTlsProbe
{
    public const ushort Tls10 = 0x0301, Tls11 = 0x0302;

    // Suites a TLS 1.0/1.1 server would pick from: ECDHE, DHE and RSA key exchange with AES-CBC or 3DES.
    private static readonly ushort[] CipherSuites = [0xC00A, 0xC009, 0xC014, 0xC013, 0x0039, 0x0033, 0x0035, 0x002F, 0x000A];

    public static string Name(ushort version) => version switch
    {
        0x0300 => "SSL 3.0", Tls10 => "TLS 1.0", Tls11 => "TLS 1.1", 0x0303 => "TLS 1.2", 0x0304 => "TLS 1.3",
        _ => $"version 0x{version:x4}",
    };

    public static async Task<LegacyTlsAnswer> AskAsync(string host, int port, ushort version, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(host, port, limit.Token);
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new LegacyTlsAnswer(false, $"no TCP connection ({ex.Message})", Inconclusive: true);
        }
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(ClientHello(host, version), limit.Token);
            return Classify(await ReadRecordAsync(stream, limit.Token), version);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new LegacyTlsAnswer(false, $"no answer within {timeout.TotalSeconds:0.#} s (the handshake did not proceed)");
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            return new LegacyTlsAnswer(false, $"the connection was closed or reset ({ex.Message})");
        }
    }

    /// <summary>Judges the first TLS record the server sent back; null when it closed the connection without one.</summary>
    public static LegacyTlsAnswer Classify((byte Type, byte[] Body)? record, ushort offered)
    {
        if (record is not var (type, body)) return new LegacyTlsAnswer(false, "the server closed the connection without answering");
        if (type == 21 && body.Length >= 2) return new LegacyTlsAnswer(false, $"alert {AlertName(body[1])} ({body[1]})");
        // A ServerHello: handshake type 2, a 3-byte length, then the version the server chose.
        if (type == 22 && body.Length >= 6 && body[0] == 2)
        {
            var chosen = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(4));
            return chosen <= offered
                ? new LegacyTlsAnswer(true, $"a ServerHello choosing {Name(chosen)}")
                : new LegacyTlsAnswer(false, $"a ServerHello choosing {Name(chosen)}, which the hello did not offer (no client would continue)");
        }
        return new LegacyTlsAnswer(false, $"a TLS record of type {type} that is neither an alert nor a ServerHello");
    }

    private static async Task<(byte Type, byte[] Body)?> ReadRecordAsync(Stream stream, CancellationToken ct)
    {
        var header = new byte[5];
        if (!await ReadExactlyOrEndAsync(stream, header, ct)) return null;
        var length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3)), (ushort)16384);
        var body = new byte[length];
        // A record cut short still tells what the server chose when its first bytes arrived.
        var read = 0;
        while (read < length && await stream.ReadAsync(body.AsMemory(read), ct) is var n and > 0) read += n;
        return (header[0], body[..read]);
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    /// <summary>A TLS 1.0/1.1 ClientHello (RFC 4346 §7.4.1.2) with SNI for a host name, elliptic curves and point formats.</summary>
    public static byte[] ClientHello(string host, ushort version)
    {
        var extensions = new List<byte>();
        if (!IPAddress.TryParse(host, out _))
        {
            var name = System.Text.Encoding.ASCII.GetBytes(host);
            Extension(extensions, 0x0000, [.. U16(name.Length + 3), 0, .. U16(name.Length), .. name]);
        }
        Extension(extensions, 0x000a, [.. U16(6), .. U16(0x001d), .. U16(0x0017), .. U16(0x0018)]); // x25519, P-256, P-384
        Extension(extensions, 0x000b, [1, 0]); // uncompressed points
        Extension(extensions, 0xff01, [0]); // secure renegotiation, initial handshake

        var hello = new List<byte>();
        hello.AddRange(U16(version));
        hello.AddRange(RandomNumberGenerator.GetBytes(32));
        hello.Add(0); // no session id
        hello.AddRange(U16(CipherSuites.Length * 2));
        foreach (var suite in CipherSuites) hello.AddRange(U16(suite));
        hello.AddRange([1, 0]); // compression: null only
        hello.AddRange(U16(extensions.Count));
        hello.AddRange(extensions);

        byte[] handshake = [1, (byte)(hello.Count >> 16), (byte)(hello.Count >> 8), (byte)hello.Count, .. hello];
        return [22, .. U16(Tls10), .. U16(handshake.Length), .. handshake];
    }

    private static void Extension(List<byte> into, ushort type, byte[] data)
    {
        into.AddRange(U16(type));
        into.AddRange(U16(data.Length));
        into.AddRange(data);
    }

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static string AlertName(byte description) => description switch
    {
        40 => "handshake_failure", 47 => "illegal_parameter", 50 => "decode_error", 70 => "protocol_version",
        71 => "insufficient_security", 80 => "internal_error", 86 => "inappropriate_fallback", 112 => "unrecognized_name",
        _ => "description",
    };
}
