using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartConformance.Harness.Http;

/// <summary>
/// Decides whether a server certificate is trusted: the system store, plus the profile's CA bundle and the embedded
/// reference server's own certificate, or nothing checked at all with --insecure. Remembers why a host was refused so the error can name the host and the cause.
/// </summary>
public sealed class CertificateTrust
{
    private readonly ConcurrentDictionary<string, string> _refusals = new(StringComparer.OrdinalIgnoreCase);

    private CertificateTrust(bool trustAll, X509Certificate2Collection bundle, string? bundlePath, X509Certificate2? embedded = null)
    {
        TrustAll = trustAll;
        Bundle = bundle;
        BundlePath = bundlePath;
        Trusted = embedded is null ? bundle : [.. bundle, embedded];
    }

    public static CertificateTrust System { get; } = new(false, [], null);

    public static CertificateTrust Insecure { get; } = new(true, [], null);

    /// <summary>Trusts the system store and the certificates in a PEM file.</summary>
    public static CertificateTrust WithBundle(string pemPath)
    {
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(pemPath);
        if (bundle.Count == 0) throw new CryptographicException($"{pemPath} holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        return new CertificateTrust(false, bundle, Path.GetFullPath(pemPath));
    }

    /// <summary>The same trust plus the embedded reference server's certificate, made for this run.</summary>
    public CertificateTrust AlsoTrusting(X509Certificate2 embedded) => new(TrustAll, Bundle, BundlePath, embedded);

    public bool TrustAll { get; }
    public X509Certificate2Collection Bundle { get; }
    public string? BundlePath { get; }
    /// <summary>Every certificate trusted besides the system store: the bundle's and the embedded server's.</summary>
    private X509Certificate2Collection Trusted { get; }

    /// <summary>SHA-256 hashes of the trusted certificates' public keys, base64: what Chromium's --ignore-certificate-errors-spki-list takes.</summary>
    public IReadOnlyList<string> TrustedSpkiHashes =>
        Trusted.Select(c => Convert.ToBase64String(SHA256.HashData(c.PublicKey.ExportSubjectPublicKeyInfo()))).ToList();

    /// <summary>Why the certificate of a host was refused, when it was.</summary>
    public string? RefusalFor(string host) => _refusals.TryGetValue(host, out var why) ? why : null;

    public bool Validate(string host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (TrustAll || errors == SslPolicyErrors.None) return true;
        if (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && ChainsToBundle(certificate)) return true;
        _refusals[host] = Explain(certificate, chain, errors);
        return false;
    }

    private bool ChainsToBundle(X509Certificate certificate)
    {
        if (Trusted.Count == 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    private static string Explain(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) reasons.Add("no certificate was presented");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) reasons.Add("the certificate is for another host name");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var statuses = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToList() ?? [];
            var selfSigned = certificate is not null && certificate.Subject == certificate.Issuer;
            reasons.Add((selfSigned ? "it is self-signed" : "it does not chain to a trusted CA") +
                        (statuses.Count > 0 ? $" ({string.Join(", ", statuses)})" : ""));
        }
        var who = certificate is null ? "" : $"subject {certificate.Subject}, issuer {certificate.Issuer}; ";
        return who + string.Join("; ", reasons);
    }
}
