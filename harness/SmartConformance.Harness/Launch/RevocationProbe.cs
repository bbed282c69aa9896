using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// RFC 7009 in practice, on a launch of its own so no other check's token is revoked: read FHIR with the access token,
/// revoke it, read again and introspect it; then revoke the refresh token and try to refresh with it.
/// </summary>
public static class RevocationProbe
{
    public const string Label = "revocation-launch";

    public static async Task<RevocationProbeResult> RunAsync(SuiteSession session, LaunchProfile launchProfile, Uri revocationEndpoint, Uri? introspectionEndpoint, CancellationToken ct)
    {
        var launch = await StandaloneLaunch.RunAsync(session, Label, launchProfile, ct);
        var result = new RevocationProbeResult { Launch = launch };
        if (launch.AccessToken is not { } accessToken) return result;

        var client = session.Profile.Client(launchProfile.Client);
        var patient = launch.Token!.Response.TryGet("patient");
        var resource = patient is null ? "metadata" : $"Patient/{patient}";
        result = result with
        {
            Resource = resource,
            ReadBefore = await FhirRead.GetAsync(session.Http, session.FhirBaseUrl, resource, accessToken, "fhir-read-before-revocation", ct),
            RevokeAccessToken = await OAuthFormPost.SendAsync(session.Http, revocationEndpoint, "revoke-access-token",
                [new("token", accessToken), new("token_type_hint", "access_token")], client, ct),
        };
        result = result with
        {
            ReadAfter = await FhirRead.GetAsync(session.Http, session.FhirBaseUrl, resource, accessToken, "fhir-read-after-revocation", ct),
            ReadWithoutToken = await FhirRead.GetAsync(session.Http, session.FhirBaseUrl, resource, accessToken: null, "fhir-read-without-token", ct),
        };
        if (introspectionEndpoint is not null)
            result = result with { IntrospectAfter = await OAuthFormPost.SendAsync(session.Http, introspectionEndpoint, "introspect-revoked-token", [new("token", accessToken)], client, ct) };

        if (launch.Token.Response.RefreshToken is not { Length: > 0 } refreshToken) return result;
        result = result with
        {
            RevokeRefreshToken = await OAuthFormPost.SendAsync(session.Http, revocationEndpoint, "revoke-refresh-token",
                [new("token", refreshToken), new("token_type_hint", "refresh_token")], client, ct),
        };
        var tokenEndpoint = (await session.DiscoveryAsync()).Configuration?.TokenEndpoint;
        return tokenEndpoint is null ? result : result with { RefreshAfter = await session.Tokens.RefreshAsync(tokenEndpoint, client, refreshToken, scope: null, ct) };
    }
}

/// <summary>What the probe saw at each step; a step that did not run (no token, no refresh token) is null.</summary>
public sealed record RevocationProbeResult
{
    public required LaunchOutcome Launch { get; init; }
    public string? Resource { get; init; }
    public FhirRead? ReadBefore { get; init; }
    public OAuthFormResponse? RevokeAccessToken { get; init; }
    public FhirRead? ReadAfter { get; init; }
    /// <summary>The same read with no token at all: a server that answers it cannot show that it refuses revoked tokens.</summary>
    public FhirRead? ReadWithoutToken { get; init; }
    public OAuthFormResponse? IntrospectAfter { get; init; }
    public OAuthFormResponse? RevokeRefreshToken { get; init; }
    public TokenCall? RefreshAfter { get; init; }
}
