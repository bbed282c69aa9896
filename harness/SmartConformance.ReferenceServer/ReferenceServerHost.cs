using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartConformance.ReferenceServer.Hosting;
using SmartConformance.ReferenceServer.Storage;

namespace SmartConformance.ReferenceServer;

/// <summary>A running reference SMART server on 127.0.0.1. Dispose it to stop it.</summary>
public sealed class ReferenceServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private ReferenceServerHost(WebApplication app, IReadOnlyCollection<string> faults)
    {
        _app = app;
        var urls = app.Services.GetRequiredService<ServerUrls>();
        BaseUrl = urls.BaseUrl;
        FhirBaseUrl = urls.FhirBaseUrl;
        OpenFhirBaseUrl = urls.OpenFhirBaseUrl;
        SecondFhirBaseUrl = urls.SecondFhirBaseUrl;
        Faults = faults;
        Certificate = app.Services.GetRequiredService<TransportPolicy>().Certificate;
    }

    /// <summary>The self-signed certificate the host presents (public part and key), or null when it serves plain HTTP.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; }

    /// <summary><c>http(s)://127.0.0.1:PORT/</c>; the OAuth endpoints (/authorize, /token, /login) live under it.</summary>
    public Uri BaseUrl { get; }

    /// <summary><c>http(s)://127.0.0.1:PORT/fhir</c> (no trailing slash).</summary>
    public Uri FhirBaseUrl { get; }

    /// <summary><c>http(s)://127.0.0.1:PORT/open-fhir</c>: the same data with no authorization (no token needed or used).</summary>
    public Uri OpenFhirBaseUrl { get; }

    /// <summary><c>http(s)://127.0.0.1:PORT/fhir-b</c>: a second protected base, for tokens whose aud names it.</summary>
    public Uri SecondFhirBaseUrl { get; }

    /// <summary>The names of the faults this server was started with.</summary>
    public IReadOnlyCollection<string> Faults { get; }

    internal IServiceProvider Services => _app.Services;

    /// <exception cref="ArgumentException">A fault name is unknown (the message lists the valid ones) or a redirect URI is not an absolute http(s) URI.</exception>
    public static async Task<ReferenceServerHost> StartAsync(ReferenceServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var faults = FaultCatalog.Resolve(options.Faults);
        var redirectUris = ClientSeeder.ParseRedirectUris(options.RedirectUris);

        var app = ReferenceServerApp.Build(options, faults);
        try
        {
            await ClientSeeder.SeedAsync(app.Services, redirectUris, options.ShortLivedAccessTokenLifetime, ct);
            await app.StartAsync(ct);
            return new ReferenceServerHost(app, faults.Select(f => f.Descriptor.Name).ToArray());
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
