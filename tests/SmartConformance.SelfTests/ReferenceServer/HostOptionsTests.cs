using System.Collections.Concurrent;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.ReferenceServer;

namespace SmartConformance.SelfTests.ReferenceServer;

[TestFixture]
public sealed class HostOptionsTests
{
    [Test]
    public async Task Log_ReceivesOneLinePerRequest()
    {
        var lines = new ConcurrentQueue<string>();
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Log = lines.Enqueue });
        using var http = new HttpClient();

        await http.GetAsync($"{host.FhirBaseUrl}/metadata");

        lines.Should().ContainSingle(line => line.Contains("GET /fhir/metadata -> 200"))
            .Which.Should().NotContain("\n");
    }

    [Test]
    public async Task Port_IsHonouredWhenGiven()
    {
        int port;
        await using (var probe = await ReferenceServerHost.StartAsync(new ReferenceServerOptions()))
        {
            port = probe.BaseUrl.Port;
        }

        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { Port = port });

        host.BaseUrl.Should().Be(new Uri($"http://127.0.0.1:{port}/"));
    }

    [Test]
    public async Task RelativeRedirectUri_FailsTheStart()
    {
        var start = () => ReferenceServerHost.StartAsync(new ReferenceServerOptions { RedirectUris = ["/callback"] });

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("/callback");
    }
}
