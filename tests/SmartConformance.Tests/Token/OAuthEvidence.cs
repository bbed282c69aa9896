using System.Text.Json;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;

namespace SmartConformance.Tests.Token;

/// <summary>
/// The launches, codes and probes the OAuth checks share, each started once through <see cref="SuiteSession.Shared{T}"/>.
/// Extra launches are cheap (about a second each); every negative test gets its own code so one refusal cannot spoil another.
/// </summary>
internal static class OAuthEvidence
{
    private static SuiteSession Session => SuiteSession.Current;
    private static ServerProfile Profile => Session.Profile;

    public static LaunchProfile Standalone => Profile.Launches.StandalonePatient;

    /// <summary>The profile's patient for the standalone user, as a FHIR path; null when the profile names none.</summary>
    public static string? PatientPath => Profile.User(Standalone.User).Patient is { } patient ? $"Patient/{patient}" : null;

    public static ClientProfile? OfflineClient => Profile.Clients.FirstOrDefault(c => c.OfflineAccess == true);

    public static ClientProfile? ClientNotRegisteredForOffline => Profile.Clients.FirstOrDefault(c => c.OfflineAccess == false);

    public static ClientProfile StandaloneClient => Profile.Client(Standalone.Client);

    /// <summary>A confidential client, for client authentication tests; null when the profile has none.</summary>
    public static ClientProfile? ConfidentialClient => Profile.Clients.FirstOrDefault(c => !c.IsPublic);

    public static Task<LaunchOutcome> OfflineLaunch() => Shared("offline-launch", session =>
        AuthorizationCodeFlow.LaunchAsync(session, "offline-launch", Standalone with { Client = OfflineClient!.Name, Scope = WithOfflineAccess(Standalone.Scope) }));

    public static Task<LaunchOutcome> OfflineLaunchWithoutRegistration() => Shared("offline-launch-unregistered", async session =>
    {
        var client = ClientNotRegisteredForOffline!;
        var attempt = await AuthorizationCodeFlow.RequestCodeAsync(session, "offline-launch-unregistered",
            Standalone with { Client = client.Name, Scope = WithOfflineAccess(Standalone.Scope) }, preflight: true);
        return attempt.Refused ? attempt.ToLaunch() : await AuthorizationCodeFlow.ExchangeAsync(session, attempt, client);
    });

    public static Task<RefreshChain> Refreshes() => Shared("refresh-chain", async session =>
        await RefreshChain.RunAsync(session, await OfflineLaunch(), OfflineClient!, PatientPath, CancellationToken.None));

    /// <summary>A code from the standalone launch's client, not yet redeemed, for one negative test named by <paramref name="purpose"/>.</summary>
    public static Task<CodeAttempt> SpareCode(string purpose) => Shared($"spare-code-{purpose}", session =>
        AuthorizationCodeFlow.RequestCodeAsync(session, $"spare-code-{purpose}", Standalone));

    /// <summary>
    /// An authorization request the server may refuse, before or after login (so it is asked once without a browser first),
    /// and, when a code came back anyway, its redemption by the launch's client with the request's own verifier.
    /// </summary>
    public static Task<RefusalProbe> Attempt(string name, LaunchProfile launch, PkceMode pkce = PkceMode.S256) => Shared(name, async session =>
    {
        var attempt = await AuthorizationCodeFlow.RequestCodeAsync(session, name, launch, pkce, preflight: true);
        return new RefusalProbe(attempt, attempt.Code is null ? null : await AuthorizationCodeFlow.ExchangeAsync(session, attempt, Profile.Client(launch.Client)));
    });

    public static Task<ExpiryProbe> Expiry() => Session.Shared("expiry-probe", session => Detached(() =>
    {
        var policy = Profile.Policies.AccessTokenExpiry;
        var launch = Standalone with { Client = policy.Client ?? Standalone.Client };
        return ExpiryProbe.RunAsync(session, launch, PatientPath ?? "metadata", policy.MaxWaitSeconds, policy.SkewSeconds, CancellationToken.None);
    }));

    /// <summary>
    /// A code redeemed only after the profile's declared code lifetime (TOK-05); null when the profile declares none, or a
    /// lifetime beyond RFC 6749's recommended 10 minutes, which the suite does not wait out.
    /// </summary>
    public static Task<CodeExpiryProbe>? CodeExpiry() => Profile.Policies.AuthorizationCodeExpiry is { } policy &&
        policy.LifetimeSeconds <= AuthorizationCodeExpiryPolicy.RecommendedMaximumSeconds
        ? Session.Shared("code-expiry-probe", session => Detached(() =>
            CodeExpiryProbe.RunAsync(session, Standalone with { Client = policy.Client ?? Standalone.Client }, policy, CancellationToken.None)))
        : null;

    /// <summary>
    /// Shared evidence that needs the browser. The first request also starts the expiry probe: a run that launches anyway
    /// lets the probe's wait overlap with the checks that follow, and a run that launches nothing never pays for it.
    /// </summary>
    private static Task<T> Shared<T>(string key, Func<SuiteSession, Task<T>> start)
    {
        // Started here, not asked for: outside the check's flow, so its exchanges are not this check's evidence.
        _ = Session.StartDetached(Expiry);
        _ = Session.StartDetached(() => CodeExpiry() ?? Task.CompletedTask);
        return Session.Shared(key, session => Detached(() => start(session)));
    }

    // Evidence started by one check and used by many belongs to none: without the check's context flowing into it, its
    // exchanges are not attributed to whichever check happened to start it; the checks that use it attach it themselves.
    private static Task<T> Detached<T>(Func<Task<T>> start) => Session.StartDetached(start);

    public static string WithOfflineAccess(string scope) =>
        scope.Split(' ').Contains("offline_access") ? scope : scope + " offline_access";

    /// <summary>The error code of a token endpoint answer, read from the body whatever the status.</summary>
    public static string? ErrorOf(Harness.Smart.TokenCall call) => Harness.Smart.OAuthJsonBody.Error(call.Response.Json);

    public static string Describe(Harness.Smart.TokenCall call) =>
        call.Exchange?.Status is { } status
            ? $"{status}{(ErrorOf(call) is { } error ? $" error={error}" : call.Response.IsError ? "" : " with tokens")}"
            : $"no answer ({call.Response.Error})";
}

/// <summary>An authorization request expected to be refused, and the redemption of its code when one was issued anyway.</summary>
internal sealed record RefusalProbe(CodeAttempt Attempt, LaunchOutcome? Redeemed)
{
    public Harness.Smart.TokenCall? Token => Redeemed?.Token;
}
