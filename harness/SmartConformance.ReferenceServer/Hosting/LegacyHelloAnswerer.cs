using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections;

namespace SmartConformance.ReferenceServer.Hosting;

/// <summary>
/// Connection middleware in front of TLS for fault tls.legacy-versions-accepted: a ClientHello offering at most TLS 1.0
/// or 1.1 gets a ServerHello choosing that version, then the connection closes; every other connection reaches TLS
/// untouched. Only the first handshake message is imitated because the platform's TLS library (OpenSSL 3 at its
/// default security level) cannot negotiate these versions; a ServerHello choosing the version is the server agreeing to it.
/// </summary>
internal static class LegacyHelloAnswerer
{
    private const int VersionEnd = 11; // record header (5), handshake type (1), length (3), client_version (2)

    public static ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var read = await input.ReadAsync(connection.ConnectionClosed);
            var buffer = read.Buffer;
            if (buffer.Length >= VersionEnd || read.IsCompleted)
            {
                var offered = OfferedLegacyVersion(buffer);
                // Nothing consumed: the TLS layer reads the same bytes.
                input.AdvanceTo(buffer.Start);
                if (offered is { } version)
                {
                    await connection.Transport.Output.WriteAsync(ServerHello(version), connection.ConnectionClosed);
                    await connection.Transport.Output.CompleteAsync();
                    return;
                }
                break;
            }
            input.AdvanceTo(buffer.Start, buffer.End);
        }
        await next(connection);
    };

    private static ushort? OfferedLegacyVersion(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < VersionEnd) return null;
        Span<byte> head = stackalloc byte[VersionEnd];
        buffer.Slice(0, VersionEnd).CopyTo(head);
        if (head[0] != 22 || head[5] != 1) return null;
        var version = (ushort)((head[9] << 8) | head[10]);
        return version is 0x0301 or 0x0302 ? version : null;
    }

    private static byte[] ServerHello(ushort version)
    {
        byte[] body = [(byte)(version >> 8), (byte)version, .. RandomNumberGenerator.GetBytes(32), 0, 0xC0, 0x13, 0];
        byte[] handshake = [2, 0, 0, (byte)body.Length, .. body];
        return [22, (byte)(version >> 8), (byte)version, 0, (byte)handshake.Length, .. handshake];
    }
}
