using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SmartConformance.Harness.Backend;

/// <summary>
/// Builds SMART client assertions (private_key_jwt, typ JWT): iss = sub = client_id, aud = the token endpoint, exp within
/// five minutes, a fresh jti, signed RS384 or ES384 with a profile JWK (kid in the header). Variants break one rule each.
/// </summary>
public static class ClientAssertion
{
    public const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(4);

    /// <summary>The signing algorithm of a private JWK: its alg, else RS384 for RSA and ES384 for EC.</summary>
    public static string AlgorithmOf(JsonWebKey key) =>
        !string.IsNullOrEmpty(key.Alg) ? key.Alg : key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve ? SecurityAlgorithms.EcdsaSha384 : SecurityAlgorithms.RsaSha384;

    public static JsonWebKey ParseKey(JsonElement jwk) => new(jwk.GetRawText());

    public static string Create(JsonElement jwk, string clientId, Uri tokenEndpoint, AssertionVariant? variant = null)
    {
        variant ??= AssertionVariant.Valid;
        var key = ParseKey(jwk);
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Iss] = variant.Issuer ?? clientId,
            [JwtRegisteredClaimNames.Sub] = variant.Subject ?? clientId,
            [JwtRegisteredClaimNames.Aud] = variant.Audience ?? tokenEndpoint.AbsoluteUri,
            [JwtRegisteredClaimNames.Exp] = DateTimeOffset.UtcNow.Add(variant.ExpiresIn ?? DefaultLifetime).ToUnixTimeSeconds(),
        };
        if (!variant.OmitJti) claims[JwtRegisteredClaimNames.Jti] = variant.Jti ?? Guid.NewGuid().ToString("N");

        var algorithm = AlgorithmOf(key);
        var kid = variant.KeyId ?? key.Kid;
        if (variant.AlgNone) return Unsecured(claims, kid);

        key.Kid = kid;
        SecurityKey signingKey = variant.WrongKey ? FreshKey(key, kid) : key;
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, algorithm),
            TokenType = "JWT",
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static SecurityKey FreshKey(JsonWebKey like, string kid) =>
        like.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve
            ? new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP384)) { KeyId = kid }
            : new RsaSecurityKey(RSA.Create(2048)) { KeyId = kid };

    private static string Unsecured(Dictionary<string, object> claims, string kid)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid });
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header))}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(claims)))}.";
    }
}
