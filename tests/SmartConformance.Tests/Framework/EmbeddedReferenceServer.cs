using SmartConformance.Harness.Session;
using SmartConformance.ReferenceServer;

namespace SmartConformance.Tests.Framework;

/// <summary>Starts the embedded reference server for a profile whose fhirBaseUrl is "embedded".</summary>
public sealed class EmbeddedReferenceServer : IEmbeddedTargetFactory
{
    public async Task<EmbeddedTarget> StartAsync(EmbeddedTargetRequest request, CancellationToken ct)
    {
        var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            Faults = request.Faults,
            RedirectUris = request.RedirectUris,
            AccessTokenLifetime = request.AccessTokenLifetime ?? TimeSpan.FromMinutes(5),
            Https = request.Https,
        }, ct);
        // Only the public part leaves the host: the suite trusts it, nothing else needs the key.
        var certificate = host.Certificate is { } served ? System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(served.RawData) : null;
        return new EmbeddedTarget(host.FhirBaseUrl, host, host.OpenFhirBaseUrl, host.SecondFhirBaseUrl, certificate);
    }
}
