using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmartConformance.ReferenceServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>
/// A deliberately broken SMART server on 127.0.0.1: every behaviour of <see cref="Behaviours"/> lives under its own
/// path prefix (/{behaviour}/fhir is its FHIR base), over plain HTTP and over HTTPS with a self-signed certificate.
/// A raw TCP port answers with bytes that are not HTTP at all.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TcpListener _raw;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _rawLoop;

    private HostileServer(WebApplication app, TcpListener raw, X509Certificate2 certificate, Uri http, Uri https)
    {
        _app = app;
        _raw = raw;
        Certificate = certificate;
        HttpRoot = http;
        HttpsRoot = https;
        RawRoot = new Uri($"http://127.0.0.1:{((IPEndPoint)raw.LocalEndpoint).Port}/");
        _rawLoop = Task.Run(RawLoopAsync);
        File.WriteAllText(CaBundlePath, certificate.ExportCertificatePem());
    }

    public HostileState State { get; } = new();
    public X509Certificate2 Certificate { get; }
    public Uri HttpRoot { get; }
    public Uri HttpsRoot { get; }
    /// <summary>A PEM file holding the HTTPS certificate, for a profile's tls.caBundle.</summary>
    public string CaBundlePath { get; } = Path.Combine(Support.RepoPaths.NewTempDirectory("hostile-ca"), "hostile-ca.pem");
    /// <summary>A port that speaks something other than HTTP.</summary>
    public Uri RawRoot { get; }

    public string FhirBase(string behaviour, bool https = false) => $"{(https ? HttpsRoot : HttpRoot)}{behaviour}/fhir";

    public static async Task<HostileServer> StartAsync()
    {
        var certificate = EphemeralCertificate.Create("SmartConformance hostile test server");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
            k.Limits.MaxResponseBufferSize = null;
        });
        var app = builder.Build();
        HostileServer? server = null;
        app.Run(context => server!.DispatchAsync(context));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var http = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        var https = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        var raw = new TcpListener(IPAddress.Loopback, 0);
        raw.Start();
        server = new HostileServer(app, raw, certificate, http, https);
        return server;
    }

    private async Task DispatchAsync(HttpContext http)
    {
        var path = http.Request.Path.Value?.TrimStart('/') ?? "";
        var slash = path.IndexOf('/');
        var name = slash < 0 ? path : path[..slash];
        if (!Behaviours.All.TryGetValue(name, out var behaviour))
        {
            http.Response.StatusCode = 404;
            return;
        }
        var context = new HostileContext(http, name, State);
        try
        {
            await behaviour.Handle(context, slash < 0 ? "" : path[(slash + 1)..]);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ConnectionAbortedException) { /* the suite hung up */ }
    }

    private async Task RawLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _raw.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[4096];
                        _ = await stream.ReadAsync(buffer, _stop.Token);
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6 not-http\r\n\0\0\u0001garbage"), _stop.Token);
                    }
                    catch (Exception) { /* the suite hung up */ }
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _raw.Stop();
        try { await _rawLoop.WaitAsync(TimeSpan.FromSeconds(2)); } catch (Exception) { /* stopping */ }
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2))) await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
        Certificate.Dispose();
        _stop.Dispose();
    }
}
