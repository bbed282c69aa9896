using System.Security.Authentication;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Http;
using SmartConformance.Harness.Tls;
using SmartConformance.ReferenceServer;

namespace SmartConformance.SelfTests.ReferenceServer;

/// <summary>The reference server's HTTPS mode, and what the TLS probes AUTHZ-10 uses see of it.</summary>
[TestFixture]
public sealed class HttpsModeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Https_publishes_https_urls_and_a_certificate_for_the_loopback_address()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Https = true });
        host.BaseUrl.Scheme.Should().Be("https");
        host.FhirBaseUrl.Scheme.Should().Be("https");
        host.Certificate.Should().NotBeNull();

        var trust = CertificateTrust.System.AlsoTrusting(host.Certificate!);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, c, chain, e) => trust.Validate("127.0.0.1", c, chain, e);
        using var http = new HttpClient(handler);
        var discovery = await http.GetStringAsync($"{host.FhirBaseUrl}/.well-known/smart-configuration");
        discovery.Should().Contain($"\"token_endpoint\": \"{host.BaseUrl}token\"");
    }

    [Test]
    public async Task The_certificate_is_not_trusted_without_being_handed_over()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Https = true });
        var result = await TlsHandshake.RunAsync("127.0.0.1", host.BaseUrl.Port, CertificateTrust.System, Timeout, CancellationToken.None);
        result.Completed.Should().BeFalse();
        result.Problem.Should().Contain("not trusted").And.Contain("self-signed");
    }

    [Test]
    public async Task The_fault_plain_http_ignores_https()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Https = true, Faults = ["tls.plain-http"] });
        host.FhirBaseUrl.Scheme.Should().Be("http");
        host.Certificate.Should().BeNull();
    }

    [Test]
    public async Task The_server_negotiates_tls_12_or_later_and_refuses_tls_10_and_11()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Https = true });
        var port = host.BaseUrl.Port;
        var handshake = await TlsHandshake.RunAsync("127.0.0.1", port, CertificateTrust.System.AlsoTrusting(host.Certificate!), Timeout, CancellationToken.None);
        handshake.Protocol.Should().BeOneOf(SslProtocols.Tls12, SslProtocols.Tls13);

        foreach (var legacy in new[] { LegacyTlsProbe.Tls10, LegacyTlsProbe.Tls11 })
        {
            var answer = await LegacyTlsProbe.AskAsync("127.0.0.1", port, legacy, Timeout, CancellationToken.None);
            TestContext.Out.WriteLine($"{LegacyTlsProbe.Name(legacy)}: {answer}");
            answer.Accepted.Should().BeFalse();
            answer.Inconclusive.Should().BeFalse();
        }
    }
}
