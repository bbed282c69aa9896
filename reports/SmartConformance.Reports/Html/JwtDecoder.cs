using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartConformance.Reports.Html;

/// <summary>A JSON Web Token found in recorded traffic, with its header and claims decoded (never verified).</summary>
/// <param name="Raw">The token as recorded (already redacted upstream).</param>
/// <param name="Header">The JOSE header, pretty-printed JSON.</param>
/// <param name="Claims">The claims, pretty-printed JSON.</param>
/// <param name="Times">Human-readable exp, iat, nbf and auth_time claims.</param>
internal sealed record DecodedJwt(string Raw, string Header, string Claims, IReadOnlyList<(string Claim, string When)> Times);

internal static partial class JwtDecoder
{
    private static readonly string[] TimeClaims = ["iat", "nbf", "exp", "auth_time"];

    /// <summary>Three base64url segments (the signature may be empty or already removed), not inside a longer word.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-.])[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Candidate();

    /// <summary>Every decodable JWT in <paramref name="text"/>, each once, in order of appearance.</summary>
    public static IReadOnlyList<DecodedJwt> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('.'))
            return [];
        var found = new List<DecodedJwt>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (Match match in Candidate().Matches(text))
            {
                if (seen.Add(match.Value) && TryDecode(match.Value, out var jwt))
                    found.Add(jwt);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: show what was found so far, the raw text is shown anyway.
        }
        return found;
    }

    /// <summary>Decodes a compact JWS; false unless both header and payload are base64url-encoded JSON objects.</summary>
    public static bool TryDecode(string token, out DecodedJwt jwt)
    {
        jwt = null!;
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
            return false;
        if (!TryDecodeObject(parts[0], out var header, out _) || !TryDecodeObject(parts[1], out var claims, out var claimsElement))
            return false;
        jwt = new DecodedJwt(token.Trim(), header, claims, Times(claimsElement));
        return true;
    }

    private static bool TryDecodeObject(string segment, out string pretty, out JsonElement element)
    {
        pretty = string.Empty;
        element = default;
        var bytes = Base64UrlDecode(segment);
        if (bytes is null || bytes.Length < 2)
            return false;
        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return false;
            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return false;
        }
        return BodyFormatter.TryPrettyPrint(json, out pretty);
    }

    private static byte[]? Base64UrlDecode(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        switch (base64.Length % 4)
        {
            case 1: return null;
            case 2: base64 += "=="; break;
            case 3: base64 += "="; break;
        }
        var buffer = new byte[base64.Length * 3 / 4];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    private static List<(string, string)> Times(JsonElement claims)
    {
        var times = new List<(string, string)>();
        foreach (var name in TimeClaims)
        {
            if (claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
                && seconds is > 0 and < 253402300800)
            {
                var when = DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                times.Add((name, when));
            }
        }
        return times;
    }
}
