using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer;
using SmartConformance.SelfTests.ReferenceServer.Support;
using static SmartConformance.SelfTests.ReferenceServer.Support.BrowserlessOAuthClient;

namespace SmartConformance.SelfTests.ReferenceServer;

[TestFixture]
public sealed class HostIsolationTests
{
    [Test]
    public async Task TwoHosts_DoNotShareClientsOrTokens()
    {
        var options = new ReferenceServerOptions { RedirectUris = [BrowserlessOAuthClient.RedirectUri] };
        await using var first = await ReferenceServerHost.StartAsync(options);
        await using var second = await ReferenceServerHost.StartAsync(options);
        first.BaseUrl.Should().NotBe(second.BaseUrl);

        // A client registered in one host's store is unknown to the other.
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>()
                .CreateAsync(new OpenIddictApplicationDescriptor { ClientId = "only-in-first", ClientType = OpenIddictConstants.ClientTypes.Public });
        }
        (await FindClientAsync(first, "only-in-first")).Should().NotBeNull();
        (await FindClientAsync(second, "only-in-first")).Should().BeNull();
        (await FindClientAsync(second, SeedData.PublicClientId)).Should().NotBeNull();

        // A token issued by one host is not accepted by the other.
        using var client = new BrowserlessOAuthClient(first);
        var callback = await client.AuthorizeAsync(SeedData.PublicClientId, "launch/patient patient/*.read", SeedData.AmyUsername, SeedData.AmyPassword);
        using var tokenResponse = await client.ExchangeCodeAsync(SeedData.PublicClientId, callback["code"]);
        var accessToken = Member(await ReadJsonAsync(tokenResponse), "access_token");
        using var elsewhere = new BrowserlessOAuthClient(second);
        using var rejected = await elsewhere.ReadFhirAsync($"Patient/{SeedData.Patient1Id}", accessToken);
        rejected.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Dispose_StopsListening()
    {
        var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions());
        var metadata = $"{host.FhirBaseUrl}/metadata";
        using var http = new HttpClient();
        (await http.GetAsync(metadata)).StatusCode.Should().Be(HttpStatusCode.OK);

        await host.DisposeAsync();
        await host.DisposeAsync();

        await http.Invoking(h => h.GetAsync(metadata)).Should().ThrowAsync<HttpRequestException>();
    }

    private static async Task<object?> FindClientAsync(ReferenceServerHost host, string clientId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(clientId);
    }
}
