using NUnit.Framework;
using SmartConformance.ReferenceServer;

namespace SmartConformance.SelfTests.ReferenceServer.Support;

/// <summary>
/// One faultless reference server per fixture, with the browserless client's redirect URI registered, and a plain
/// HttpClient for requests that need no OAuth session.
/// </summary>
public abstract class ReferenceServerFixture
{
    protected ReferenceServerHost Host { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartReferenceServerAsync()
    {
        Host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { RedirectUris = [BrowserlessOAuthClient.RedirectUri] });
        Http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopReferenceServerAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
