using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartConformance.ReferenceServer.Hosting;

/// <summary>
/// A self-signed certificate for 127.0.0.1 and localhost, made in memory and never written to disk: the
/// embedded reference server's, and the self-tests' hostile HTTPS server's.
/// </summary>
internal static class EphemeralCertificate
{
    private static readonly Lazy<X509Certificate2> ReferenceServers = new(() => Create());

    /// <summary>
    /// The reference servers' certificate, one per process: a host that starts many reference servers (the self-tests, the
    /// fault matrix's workers) makes the key once.
    /// </summary>
    public static X509Certificate2 ForReferenceServers => ReferenceServers.Value;

    public static X509Certificate2 Create(string commonName = "SmartConformance embedded reference server")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: false));
        // Its own root: a client trusts it by adding it to a custom root store (the suite) or pinning its key (the browser).
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
        // Round-trip through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
