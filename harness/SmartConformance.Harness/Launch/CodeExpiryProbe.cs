using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// Gets an authorization code, waits out its declared lifetime plus a skew (counted from the moment the code reached the
/// redirect URI), and only then redeems it. The wait is a timer: start the probe early so it overlaps with other checks.
/// </summary>
public sealed record CodeExpiryProbe
{
    public required CodeAttempt Attempt { get; init; }
    public TokenCall? Redemption { get; init; }
    /// <summary>How long after the code arrived it was redeemed.</summary>
    public TimeSpan Waited { get; init; }

    public static async Task<CodeExpiryProbe> RunAsync(SuiteSession session, LaunchProfile launch, AuthorizationCodeExpiryPolicy policy, CancellationToken ct)
    {
        var attempt = await AuthorizationCodeFlow.RequestCodeAsync(session, "code-expiry-probe", launch, ct: ct, ahead: true);
        var probe = new CodeExpiryProbe { Attempt = attempt };
        if (attempt.Code is not { } code || (await session.DiscoveryAsync()).Configuration?.TokenEndpoint is not { } tokenEndpoint) return probe;

        var arrived = attempt.Redirect!.ArrivedAt;
        await ExpiryWait.ForAsync(session, arrived + TimeSpan.FromSeconds(policy.LifetimeSeconds + policy.SkewSeconds) - DateTimeOffset.UtcNow, ct);
        var redemption = await session.Tokens.ExchangeCodeAsync(tokenEndpoint, session.Profile.Client(launch.Client), code,
            attempt.Request!.RedirectUri, attempt.Request.Pkce?.Verifier, ct);
        return probe with { Redemption = redemption, Waited = DateTimeOffset.UtcNow - arrived };
    }
}
