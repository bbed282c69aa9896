using Duende.IdentityModel;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// Authorize requests an EHR should refuse: the EHR launch's scopes with a forged launch value, and with none. Each runs
/// in the browser like a launch; <see cref="EhrLaunchRefusal.BrowserStoppedAt"/> is set when the browser could not go on.
/// </summary>
public static class EhrLaunchRefusals
{
    public static async Task<IReadOnlyList<EhrLaunchRefusal>> RunAsync(SuiteSession session, EhrLaunchProfile ehr, CancellationToken ct)
    {
        var forged = "forged-" + CryptoRandom.CreateUniqueId(16);
        return
        [
            await AttemptAsync(session, ehr, "a launch value the EHR never issued", "ehr-forged-launch", forged, ct),
            await AttemptAsync(session, ehr, "no launch parameter", "ehr-missing-launch", null, ct),
        ];
    }

    private static async Task<EhrLaunchRefusal> AttemptAsync(SuiteSession session, EhrLaunchProfile ehr, string description, string label, string? launch, CancellationToken ct)
    {
        var profile = session.Profile;
        var client = profile.Client(ehr.Client);
        var discovery = await session.DiscoveryAsync();
        if (discovery.Configuration?.AuthorizationEndpoint is not { } authorizationEndpoint || discovery.Configuration.TokenEndpoint is not { } tokenEndpoint)
            return new EhrLaunchRefusal(description, launch, new LaunchOutcome { Label = label, Problem = "no usable authorization_endpoint or token_endpoint in the discovery document" }, null);

        var request = new AuthorizeRequest
        {
            AuthorizationEndpoint = authorizationEndpoint, ClientId = client.ClientId, RedirectUri = session.RedirectUri,
            Scope = ehr.Scope, State = CryptoRandom.CreateUniqueId(24), Aud = session.FhirBaseUrl.ToString().TrimEnd('/'),
            Pkce = Pkce.NewS256(), Launch = launch,
        };
        var url = request.ToUrl();
        var waiting = session.Redirects.ExpectAsync(request.State);
        BrowserLaunchResult browser;
        try
        {
            var driver = await session.BrowserDriverAsync();
            browser = await driver.RunAsync(label, url, [.. profile.BrowserSteps.Login, .. profile.BrowserSteps.Approve],
                profile.User(ehr.User), waiting, profile.Timeouts, ct);
        }
        catch (BrowserStepException ex)
        {
            session.Redirects.Forget(request.State);
            var stopped = new LaunchOutcome
            {
                Label = label, Request = request, AuthorizeUrl = url, Problem = ex.Message, ProblemIsHarness = true,
                Artifacts = ex.Screenshot is null ? [] : [ex.Screenshot],
            };
            return new EhrLaunchRefusal(description, launch, stopped, ex.PageUrl ?? "(unknown page)");
        }

        var outcome = new LaunchOutcome
        {
            Label = label, Request = request, AuthorizeUrl = url, Redirect = browser.Redirect,
            Artifacts = browser.Artifacts, BrowserTraffic = browser.Traffic,
        };
        if (browser.Redirect.Code is not { Length: > 0 } code)
            return new EhrLaunchRefusal(description, launch, outcome with { Problem = $"no code (error={browser.Redirect.Error ?? "none"})" }, null);
        var token = await session.Tokens.ExchangeCodeAsync(tokenEndpoint, client, code, request.RedirectUri, request.Pkce?.Verifier, ct);
        return new EhrLaunchRefusal(description, launch, outcome with { Token = token }, null);
    }
}

/// <summary>One refused-or-not authorize request: what was sent (<see cref="LaunchSent"/> null = none) and what came of it.</summary>
public sealed record EhrLaunchRefusal(string Case, string? LaunchSent, LaunchOutcome Outcome, string? BrowserStoppedAt);
