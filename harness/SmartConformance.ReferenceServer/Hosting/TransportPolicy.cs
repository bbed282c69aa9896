using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SmartConformance.ReferenceServer.Hosting;

/// <summary>How the host listens: HTTPS with an ephemeral certificate when asked, unless a fault forces plain HTTP.</summary>
internal sealed class TransportPolicy
{
    /// <summary>Serve plain HTTP even when HTTPS was asked for (fault tls.plain-http).</summary>
    public bool ForcePlainHttp { get; set; }

    /// <summary>The certificate Kestrel presents; null when the host serves plain HTTP.</summary>
    public X509Certificate2? Certificate { get; private set; }

    /// <summary>Answer a TLS 1.0/1.1 ClientHello with a ServerHello choosing it (fault tls.legacy-versions-accepted).</summary>
    public bool AcceptLegacyVersions { get; set; }

    public void Decide(bool httpsRequested)
    {
        if (httpsRequested && !ForcePlainHttp) Certificate = EphemeralCertificate.ForReferenceServers;
    }

    /// <summary>HTTPS on the listener, behind the legacy-hello answerer when the fault asks for it.</summary>
    public void UseHttps(ListenOptions listen)
    {
        if (Certificate is not { } certificate) return;
        if (AcceptLegacyVersions) listen.Use(LegacyHelloAnswerer.Middleware);
        listen.UseHttps(certificate);
    }
}
