using System.Security.Cryptography;
using SmartConformance.Harness.Http;

namespace SmartConformance.Harness.Profiles;

/// <summary>Resolves tls.caBundle against the profile's folder and proves it holds certificates, before any run starts.</summary>
internal static class CaBundleRule
{
    public static ServerProfile Resolve(ServerProfile profile, string sourceName, List<ProfileProblem> problems)
    {
        if (profile.Tls.CaBundle is not { } bundle) return profile;
        var folder = Path.GetDirectoryName(Path.GetFullPath(sourceName)) ?? Directory.GetCurrentDirectory();
        var path = Path.GetFullPath(bundle, folder);
        if (!File.Exists(path))
        {
            problems.Add(new ProfileProblem("$.tls.caBundle", $"no file at {path}; give a PEM file of the CA (or self-signed) certificates to trust, relative to the profile's folder"));
            return profile;
        }
        try
        {
            CertificateTrust.WithBundle(path);
        }
        catch (CryptographicException ex)
        {
            problems.Add(new ProfileProblem("$.tls.caBundle", $"{path} is not a PEM certificate bundle: {ex.Message}"));
            return profile;
        }
        return profile with { Tls = profile.Tls with { CaBundle = path } };
    }
}
