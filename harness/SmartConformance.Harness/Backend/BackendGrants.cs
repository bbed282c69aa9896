using System.Diagnostics;
using System.Text.Json;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Backend;

/// <summary>One client_credentials grant per profile key (RS384, ES384), each with a valid assertion; shared by the BSV checks.</summary>
public sealed record BackendGrants(Uri TokenEndpoint, IReadOnlyList<BackendGrant> Grants)
{
    public static async Task<BackendGrants> RunAsync(SuiteSession session, Uri tokenEndpoint, BackendServicesProfile profile)
    {
        var grants = new List<BackendGrant>();
        foreach (var jwk in profile.Keys)
        {
            var key = ClientAssertion.ParseKey(jwk);
            var algorithm = ClientAssertion.AlgorithmOf(key);
            var assertion = ClientAssertion.Create(jwk, profile.ClientId, tokenEndpoint);
            var response = await BackendTokenRequest.SendAsync(session.Http, tokenEndpoint, $"backend-token-{algorithm}", profile.Scope, assertion, session.Stopping);
            grants.Add(new BackendGrant(algorithm, key.Kid, response));
        }
        return new BackendGrants(tokenEndpoint, grants);
    }

    /// <summary>The first grant that produced an access token.</summary>
    public BackendGrant? Issued => Grants.FirstOrDefault(g => g.AccessToken is not null);
}

public sealed record BackendGrant(string Algorithm, string? KeyId, OAuthFormResponse Response)
{
    public string? AccessToken => Member("access_token") is { ValueKind: JsonValueKind.String } token ? token.GetString() : null;

    public JsonElement? Member(string name) => Response.Member(name);

    public double? ExpiresIn => Member("expires_in") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;
}

/// <summary>
/// A backend access token from the short-lived backend client, read once, then again after expires_in plus the skew has
/// passed. Started early through SuiteSession.Shared so the wait overlaps other checks.
/// </summary>
public sealed record BackendExpiryProbe(BackendGrant Grant, double? ExpiresIn, FhirRead? Before, FhirRead? After, string? NotRun)
{
    public static async Task<BackendExpiryProbe> RunAsync(SuiteSession session, Uri tokenEndpoint, BackendServicesProfile profile,
        string clientId, string read, double maxWaitSeconds, double skewSeconds)
    {
        var jwk = profile.Keys[0];
        var assertion = ClientAssertion.Create(jwk, clientId, tokenEndpoint);
        var response = await BackendTokenRequest.SendAsync(session.Http, tokenEndpoint, "backend-token-short-lived", profile.Scope, assertion, session.Stopping);
        // Counted from the response, not the request: a slow token endpoint may issue the token late in a long request.
        var issued = Stopwatch.StartNew();
        var grant = new BackendGrant(ClientAssertion.AlgorithmOf(ClientAssertion.ParseKey(jwk)), null, response);
        if (grant.AccessToken is not { } token) return new(grant, null, null, null, $"the short-lived backend client got no access token (HTTP {response.Status?.ToString() ?? "none"})");
        if (grant.ExpiresIn is not (> 0 and var expiresIn)) return new(grant, null, null, null, "the token response has no positive expires_in");
        if (expiresIn > maxWaitSeconds) return new(grant, expiresIn, null, null, $"the token lives {expiresIn} s, longer than policies.accessTokenExpiry.maxWaitSeconds ({maxWaitSeconds} s)");

        var before = await FhirRead.GetAsync(session.Http, session.FhirBaseUrl, read, token, "backend-read-before-expiry", session.Stopping);
        await ExpiryWait.UntilExpiredAsync(session, issued, expiresIn, skewSeconds, session.Stopping);
        var after = await FhirRead.GetAsync(session.Http, session.FhirBaseUrl, read, token, "backend-read-after-expiry", session.Stopping);
        return new(grant, expiresIn, before, after, null);
    }
}
