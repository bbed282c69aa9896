using System.Globalization;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// One launch's access token, kept usable for the checks that only read FHIR with it: when it is about to expire and
/// the launch has a refresh_token, it is refreshed once (callers arriving meanwhile wait for that refresh and share its
/// result), and a rotated refresh token is kept for the next time. Checks that test expiry, refresh or revocation read
/// <see cref="LaunchOutcome.AccessToken"/> instead: they want the original token.
/// </summary>
public sealed class LaunchTokens(LaunchOutcome launch, TimeProvider clock)
{
    /// <summary>The name of the refresh exchanges in the evidence.</summary>
    public const string ExchangeName = "auto-refresh";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Issued? _current = launch.AccessToken is { } token
        ? new Issued(token, launch.Token!.Response.RefreshToken, new TokenFreshness(launch.Token.SentAt, ExpiresIn(launch.Token)), Refresh: null)
        : null;
    private TokenCall? _failedRefresh;

    private sealed record Issued(string AccessToken, string? RefreshToken, TokenFreshness Freshness, TokenCall? Refresh);

    public async Task<FreshToken> GetAsync(SuiteSession session, CancellationToken ct)
    {
        if (Volatile.Read(ref _current) is not { } seen) return new FreshToken(null, $"the {launch.Label} launch has no access token", null);
        if (seen.Freshness.IsFresh(clock.GetUtcNow())) return Use(seen);

        await _gate.WaitAsync(ct);
        try
        {
            var current = _current!;
            if (current.Freshness.IsFresh(clock.GetUtcNow())) return Use(current);
            // A refresh that failed once is not retried: the next callers get the same answer without another exchange.
            var cannot = await CannotRefreshAsync(session, current);
            if (cannot is null && _failedRefresh is null && await RefreshAsync(session, current, ct) is { } refreshed) return Use(refreshed);
            return UseWhileAlive(current, cannot ?? RefreshFailure());
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Issued?> RefreshAsync(SuiteSession session, Issued current, CancellationToken ct)
    {
        var client = ClientOf(session)!;
        var endpoint = (await session.DiscoveryAsync()).Configuration!.TokenEndpoint!;
        var call = await session.Tokens.RefreshAsync(endpoint, client, current.RefreshToken!, scope: null, ct, ExchangeName);
        if (call.Response.IsError || call.Response.AccessToken is not { Length: > 0 } token)
        {
            _failedRefresh = call;
            return null;
        }
        var rotated = call.Response.RefreshToken is { Length: > 0 } next ? next : current.RefreshToken;
        Volatile.Write(ref _current, new Issued(token, rotated, new TokenFreshness(call.SentAt, ExpiresIn(call)), call));
        // Worded from the launch's own token response, so every refresh of the launch adds the same notice once.
        session.Notice($"The access token of the {launch.Label} launch was about to expire during the run (expires_in {launch.Token!.Response.ExpiresIn} s); " +
            $"the suite refreshed it automatically with the launch's refresh_token (exchange \"{ExchangeName}\" in the checks that used it), " +
            "so checks that only read FHIR with it did not fail because of its age. Checks that test expiry, refresh or revocation use the original token.");
        return _current;
    }

    // Near expiry but not past it: the token may still work, so it is used rather than declaring an error early.
    private FreshToken UseWhileAlive(Issued current, string why)
    {
        if (!current.Freshness.IsExpired(clock.GetUtcNow())) return Use(current);
        var age = (clock.GetUtcNow() - current.Freshness.SentAt).TotalSeconds;
        return new FreshToken(null,
            $"The access token of the {launch.Label} launch expired before this check could use it (expires_in {Seconds(current.Freshness)} s, " +
            $"issued {age.ToString("0", CultureInfo.InvariantCulture)} s ago), and the suite could not refresh it: {why}. Give the client a longer " +
            "access token lifetime on the server, or add offline_access (or online_access) to this launch's scope in the profile so the suite can refresh it.",
            _failedRefresh);
    }

    private async Task<string?> CannotRefreshAsync(SuiteSession session, Issued current)
    {
        if (current.RefreshToken is null) return "the launch's token response carried no refresh_token";
        if (ClientOf(session) is null) return $"its client_id {launch.Request?.ClientId ?? "(unknown)"} is not one of the profile's clients, so the suite has no credentials to refresh with";
        if ((await session.DiscoveryAsync()).Configuration?.TokenEndpoint is null) return "the discovery document has no usable token_endpoint";
        return null;
    }

    private string RefreshFailure() =>
        $"the refresh ({_failedRefresh!.Exchange?.Summary() ?? _failedRefresh.Response.Error}) failed{(_failedRefresh.Response.Error is { } error ? $" with {error}" : "")}";

    private ClientProfile? ClientOf(SuiteSession session) =>
        session.Profile.Clients.FirstOrDefault(c => c.ClientId == launch.Request?.ClientId);

    private static FreshToken Use(Issued issued) => new(issued.AccessToken, null, issued.Refresh);

    private static double? ExpiresIn(TokenCall call) => call.Response.ExpiresIn > 0 ? call.Response.ExpiresIn : null;

    private static string Seconds(TokenFreshness freshness) =>
        freshness.ExpiresInSeconds?.ToString("0.###", CultureInfo.InvariantCulture) ?? "none";
}

/// <summary>
/// The access token a check should use, or why there is none (an expired token the suite could not refresh: the check
/// reports "error"). <see cref="Refresh"/> is the automatic refresh that produced the token, for the check's evidence.
/// </summary>
public sealed record FreshToken(string? AccessToken, string? Problem, TokenCall? Refresh);
