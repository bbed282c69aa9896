using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Tls;

namespace SmartConformance.SelfTests.Harness;

/// <summary>The hand-built TLS 1.0/1.1 ClientHello of AUTHZ-10, against canned answers and a real TLS 1.1 server.</summary>
public sealed class LegacyTlsProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public async Task A_real_tls_11_server_accepts_the_hello_and_refuses_tls_10()
    {
        // OpenSSL's own server still speaks TLS 1.1 at security level 0, so this proves the hello against a real TLS stack.
        if (FindOpenSsl() is not { } openssl) { Assert.Ignore("no openssl command on this machine"); return; }
        var folder = Support.RepoPaths.NewTempDirectory("legacy-tls");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            using var certificate = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        }
        var port = FreePort();
        var start = new ProcessStartInfo(openssl, ["s_server", "-accept", $"127.0.0.1:{port}", "-cert", "cert.pem", "-key", "key.pem",
            "-tls1_1", "-cipher", "ALL:@SECLEVEL=0", "-quiet"])
        { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        using var server = Process.Start(start)!;
        try
        {
            await WaitForPortAsync(port);
            var tls11 = await LegacyTlsProbe.AskAsync("127.0.0.1", port, LegacyTlsProbe.Tls11, Timeout, CancellationToken.None);
            tls11.Accepted.Should().BeTrue(tls11.Answer);
            tls11.Answer.Should().Contain("ServerHello choosing TLS 1.1");
            var tls10 = await LegacyTlsProbe.AskAsync("127.0.0.1", port, LegacyTlsProbe.Tls10, Timeout, CancellationToken.None);
            tls10.Accepted.Should().BeFalse();
            tls10.Answer.Should().Contain("protocol_version");
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    [Test]
    public async Task A_server_choosing_tls_11_in_its_server_hello_is_reported_as_accepting_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var header = new byte[5];
            await stream.ReadExactlyAsync(header);
            var hello = new byte[(header[3] << 8) | header[4]];
            await stream.ReadExactlyAsync(hello);
            // ServerHello (type 2) choosing 0x0302, cut after the version: the probe needs no more.
            await stream.WriteAsync(new byte[] { 22, 3, 2, 0, 6, 2, 0, 0, 70, 3, 2 });
            await Task.Delay(200);
        });
        var answer = await LegacyTlsProbe.AskAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, LegacyTlsProbe.Tls11, Timeout, CancellationToken.None);
        await serve;
        answer.Accepted.Should().BeTrue();
        answer.Answer.Should().Contain("ServerHello choosing TLS 1.1");
    }

    [TestCase(new byte[] { 2, 40 }, (byte)21, false, "alert handshake_failure (40)")]
    [TestCase(new byte[] { 2, 70 }, (byte)21, false, "alert protocol_version (70)")]
    [TestCase(new byte[] { 2, 0, 0, 70, 3, 1 }, (byte)22, true, "ServerHello choosing TLS 1.0")]
    [TestCase(new byte[] { 2, 0, 0, 70, 3, 3 }, (byte)22, false, "did not offer")]
    public void First_records_are_classified(byte[] body, byte type, bool accepted, string answer)
    {
        var result = LegacyTlsProbe.Classify((type, body), LegacyTlsProbe.Tls11);
        result.Accepted.Should().Be(accepted);
        result.Answer.Should().Contain(answer);
        LegacyTlsProbe.Classify(null, LegacyTlsProbe.Tls11).Accepted.Should().BeFalse();
    }

    [Test]
    public void The_client_hello_is_a_well_formed_tls_record()
    {
        var hello = LegacyTlsProbe.ClientHello("fhir.example.org", LegacyTlsProbe.Tls11);
        hello[0].Should().Be(22);
        ((hello[3] << 8) | hello[4]).Should().Be(hello.Length - 5);
        hello[5].Should().Be(1, "a ClientHello");
        ((hello[6] << 16) | (hello[7] << 8) | hello[8]).Should().Be(hello.Length - 9);
        hello[9..11].Should().Equal(3, 2);
        System.Text.Encoding.ASCII.GetString(hello).Should().Contain("fhir.example.org", "SNI names the host");
    }

    private static string? FindOpenSsl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "openssl.exe" : "openssl")).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        Assert.Fail($"openssl s_server did not listen on port {port}");
    }
}
