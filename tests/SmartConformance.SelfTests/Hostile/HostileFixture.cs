using System.Net;
using System.Net.Sockets;
using NUnit.Framework;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>Starts the hostile server once for every test in this namespace, and stops it at the end.</summary>
[SetUpFixture]
public sealed class HostileFixture
{
    private static readonly Lazy<Task<HostileServer>> Shared = new(HostileServer.StartAsync);

    public static Task<HostileServer> ServerAsync() => Shared.Value;

    /// <summary>A loopback port free right now, for a redirect URI fixed before the run (as a real registration would be).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Shared.IsValueCreated) await (await Shared.Value).DisposeAsync();
    }
}
