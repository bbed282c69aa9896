using Microsoft.IdentityModel.JsonWebTokens;
using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.OpenIdConnect;

/// <summary>
/// What the OpenID Connect checks share: the id_token of a launch that asked for and was granted openid, or a skip saying
/// why there is none (sso-openid-connect not advertised, openid not asked or not granted, no id_token: SCOPE-09's business).
/// </summary>
public abstract class IdTokenFixture : ConformanceFixture
{
    /// <summary>The issuer the SMART discovery document names (null when it names none).</summary>
    protected static async Task<string?> RequireOpenIdAsync()
    {
        var discovery = await Session.DiscoveryAsync();
        if (discovery.Configuration is not { } configuration) throw new IgnoreException("No discovery document; DISC-01 reports it.");
        if (!configuration.Capabilities.Contains("sso-openid-connect")) throw new IgnoreException("The server does not advertise sso-openid-connect.");
        return configuration.String("issuer");
    }

    /// <summary>The launch's raw id_token and its parsed form; skips when openid was not granted or no id_token came back.</summary>
    protected static (string Raw, JsonWebToken? Parsed) RequireIdToken(LaunchOutcome launch)
    {
        var response = launch.Token!.Response;
        if (!ScopeSet.Parse(launch.Request?.Scope).Contains("openid"))
            throw new IgnoreException($"The {launch.Label} launch does not ask for openid; add it to the profile's launch scope.");
        if (!ScopeSet.Parse(response.Scope ?? launch.Request?.Scope).Contains("openid"))
            throw new IgnoreException($"openid was not granted to the {launch.Label} launch; SCOPE-09 reports it.");
        if (response.IdentityToken is not { Length: > 0 } raw)
            throw new IgnoreException($"The {launch.Label} token response has no id_token; SCOPE-09 reports it.");
        return (raw, Parse(raw));
    }

    protected static JsonWebToken? Parse(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        try { return new JsonWebToken(raw); }
        catch (Exception ex) when (ex is ArgumentException or Microsoft.IdentityModel.Tokens.SecurityTokenMalformedException) { return null; }
    }

    protected static string? Claim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value : null;

    protected static long? NumericClaim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<long>(name, out var value) ? value : null;
}
