using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel;

namespace SmartConformance.Harness.Smart;

/// <summary>A PKCE verifier and its S256 challenge (RFC 7636 §4.1, §4.2).</summary>
public sealed record Pkce(string Verifier, string Challenge, string Method)
{
    public static Pkce NewS256()
    {
        var verifier = CryptoRandom.CreateUniqueId(48, CryptoRandom.OutputFormat.Base64Url);
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return new Pkce(verifier, challenge, "S256");
    }
}
