using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// The refresh token's life in the order that keeps every step meaningful: a plain refresh (then a FHIR read with the new
/// token), a narrower one, a broader one, one without client credentials, and last a replay of the first refresh token
/// (servers may revoke the whole grant on a replay). Each step uses the newest refresh token the server handed out.
/// </summary>
public sealed record RefreshChain
{
    public required LaunchOutcome Launch { get; init; }
    public string? OriginalScope { get; init; }
    public TokenCall? Plain { get; init; }
    public FhirRead? PlainRead { get; init; }
    public string? NarrowerScope { get; init; }
    public TokenCall? Narrower { get; init; }
    public string? BroaderScope { get; init; }
    public TokenCall? Broader { get; init; }
    /// <summary>Null when the client is public: there are no credentials to leave out.</summary>
    public TokenCall? WithoutCredentials { get; init; }
    /// <summary>Null when the plain refresh returned no new refresh token (no rotation).</summary>
    public TokenCall? Replay { get; init; }
    /// <summary>Why the chain stopped before the plain refresh; null when it ran.</summary>
    public string? Problem { get; init; }

    public static async Task<RefreshChain> RunAsync(SuiteSession session, LaunchOutcome launch, ClientProfile client, string? patientPath, CancellationToken ct)
    {
        var chain = new RefreshChain { Launch = launch };
        if (launch.Token?.Response is not { IsError: false } first)
            return chain with { Problem = $"the offline-access launch stopped early ({launch.Problem ?? "no token"})" };
        if (first.RefreshToken is not { Length: > 0 } original)
            return chain with { Problem = "the offline-access launch returned no refresh_token" };
        var discovery = await session.DiscoveryAsync();
        var endpoint = discovery.Configuration!.TokenEndpoint!;
        var granted = ScopeSet.Parse(first.Scope ?? launch.Request?.Scope);
        chain = chain with { OriginalScope = granted.ToString() };

        var plain = await session.Tokens.RefreshAsync(endpoint, client, original, null, ct);
        chain = chain with { Plain = plain };
        if (plain.Response.IsError) return chain;
        var latest = plain.Response.RefreshToken is { Length: > 0 } rotated ? rotated : original;
        chain = chain with
        {
            PlainRead = patientPath is null ? null
                : await FhirRead.GetAsync(session.Http, session.FhirBaseUrl, patientPath, plain.Response.AccessToken, "fhir-read-refreshed", ct),
        };

        if (NarrowerThan(granted) is { } narrower)
        {
            var call = await session.Tokens.RefreshAsync(endpoint, client, latest, narrower, ct);
            latest = Newest(call, latest);
            chain = chain with { NarrowerScope = narrower, Narrower = call };
        }

        var broader = $"{granted} {ScopeBeyond(granted, discovery.Configuration.Strings("scopes_supported"))}";
        var broaderCall = await session.Tokens.RefreshAsync(endpoint, client, latest, broader, ct);
        latest = Newest(broaderCall, latest);
        chain = chain with { BroaderScope = broader, Broader = broaderCall };

        if (!client.IsPublic)
        {
            var call = await session.Tokens.RefreshAsync(endpoint, TokenProbes.WithoutCredentials(client), latest, null, ct);
            chain = chain with { WithoutCredentials = call };
        }

        if (latest != original)
            chain = chain with { Replay = await session.Tokens.RefreshAsync(endpoint, client, original, null, ct) };
        return chain;
    }

    private static string Newest(TokenCall call, string latest) =>
        call.Response is { IsError: false, RefreshToken: { Length: > 0 } rotated } ? rotated : latest;

    // One resource scope fewer, keeping offline_access so the server can still answer with a refresh token.
    private static string? NarrowerThan(ScopeSet granted)
    {
        var resources = granted.Scopes.Where(s => s.Contains('/') && s.Contains('.')).ToList();
        var drop = resources.Count >= 2 ? resources[^1] : granted.Scopes.FirstOrDefault(s => s is "openid" or "fhirUser" or "profile");
        return drop is null ? null : string.Join(' ', granted.Scopes.Where(s => s != drop));
    }

    // A scope the server supports that the grant does not cover; a wildcard read as a fallback.
    private static string ScopeBeyond(ScopeSet granted, IReadOnlyList<string>? supported)
    {
        var candidates = (supported ?? []).Where(s => s.Contains('/') && s.Contains('.') && !s.StartsWith("system/", StringComparison.Ordinal))
            .Concat(["patient/*.rs", "user/*.rs"]);
        return candidates.FirstOrDefault(s => !granted.Covers(s)) ?? "user/*.cruds";
    }
}
