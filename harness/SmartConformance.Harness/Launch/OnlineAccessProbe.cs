using Duende.IdentityModel;
using Microsoft.Playwright;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// Online access over one browser session: a launch asking online_access, its code exchange and a refresh while the user
/// is still signed in, then (when the profile names a logout page) the user logging out in the same browser, and a
/// refresh after that. Never throws for a server's misbehaviour.
/// </summary>
public sealed record OnlineAccessProbe
{
    public required LaunchOutcome Launch { get; init; }
    public ClientProfile? Client { get; init; }
    /// <summary>A refresh with the launch's refresh token while the user is signed in; null when there was none to use.</summary>
    public TokenCall? RefreshWhileSignedIn { get; init; }
    /// <summary>The logout page's status in the launch's browser; null when the browser did not log out.</summary>
    public int? LogoutStatus { get; init; }
    /// <summary>The logout page's exchange as the browser recorded it, when it did.</summary>
    public HttpExchange? Logout { get; init; }
    public Uri? LogoutUrl { get; init; }
    /// <summary>A refresh with the newest refresh token after the logout; null when it was not attempted.</summary>
    public TokenCall? RefreshAfterLogout { get; init; }

    public static async Task<OnlineAccessProbe> RunAsync(SuiteSession session, string label, LaunchProfile launch, Uri? logoutUrl, CancellationToken ct)
    {
        var profile = session.Profile;
        var client = profile.Client(launch.Client);
        var discovery = await session.DiscoveryAsync();
        if (discovery.Configuration?.AuthorizationEndpoint is not { } authorizationEndpoint || discovery.Configuration.TokenEndpoint is not { } tokenEndpoint)
            return new OnlineAccessProbe { Launch = new LaunchOutcome { Label = label, Problem = "no usable authorization_endpoint or token_endpoint in the discovery document" } };

        var request = new AuthorizeRequest
        {
            AuthorizationEndpoint = authorizationEndpoint, ClientId = client.ClientId, RedirectUri = session.RedirectUri,
            Scope = launch.Scope, State = CryptoRandom.CreateUniqueId(24), Aud = session.FhirBaseUrl.ToString().TrimEnd('/'), Pkce = Pkce.NewS256(),
        };
        var url = request.ToUrl();
        var waiting = session.Redirects.ExpectAsync(request.State);
        TokenCall? token = null, whileSignedIn = null;
        int? logoutStatus = null;
        string? latest = null;
        BrowserLaunchResult browser;
        try
        {
            var driver = await session.BrowserDriverAsync();
            browser = await driver.RunAsync(label, url, [.. profile.BrowserSteps.Login, .. profile.BrowserSteps.Approve], profile.User(launch.User),
                waiting, profile.Timeouts, ct, async (redirect, page) =>
                {
                    if (redirect.Code is not { Length: > 0 } code) return;
                    token = await session.Tokens.ExchangeCodeAsync(tokenEndpoint, client, code, request.RedirectUri, request.Pkce?.Verifier, ct);
                    if (token.Response is not { IsError: false, RefreshToken: { Length: > 0 } refresh }) return;
                    whileSignedIn = await session.Tokens.RefreshAsync(tokenEndpoint, client, refresh, null, ct);
                    latest = whileSignedIn.Response is { IsError: false, RefreshToken: { Length: > 0 } rotated } ? rotated : refresh;
                    if (logoutUrl is not null)
                        logoutStatus = (await page.GotoAsync(logoutUrl.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded }))?.Status ?? 0;
                });
        }
        catch (BrowserStepException ex)
        {
            session.Redirects.Forget(request.State);
            return new OnlineAccessProbe
            {
                Client = client,
                Launch = new LaunchOutcome
                {
                    Label = label, Request = request, AuthorizeUrl = url, Token = token, Problem = ex.Message, ProblemIsHarness = true,
                    Artifacts = ex.Screenshot is null ? [] : [ex.Screenshot],
                },
            };
        }

        var outcome = new LaunchOutcome
        {
            Label = label, Request = request, AuthorizeUrl = url, Redirect = browser.Redirect, Token = token,
            Artifacts = browser.Artifacts, BrowserTraffic = browser.Traffic,
            Problem = token is null ? $"the authorization response carried no code (error={browser.Redirect.Error ?? "none"})"
                : token.Response.IsError ? $"the code exchange failed: {token.Response.Error}" : null,
        };
        var logout = browser.Traffic.LastOrDefault(e => logoutUrl is not null && e.Url.AbsolutePath == logoutUrl.AbsolutePath);
        var probe = new OnlineAccessProbe
        {
            Launch = outcome, Client = client, RefreshWhileSignedIn = whileSignedIn, LogoutStatus = logoutStatus, Logout = logout, LogoutUrl = logoutUrl,
        };
        if (logoutStatus is null || latest is null) return probe;
        return probe with { RefreshAfterLogout = await session.Tokens.RefreshAsync(tokenEndpoint, client, latest, null, ct) };
    }

    /// <summary>{origin} and {fhirBaseUrl} filled in; null when the result is not an absolute URL.</summary>
    public static Uri? ResolveLogoutUrl(string template, Uri fhirBase) =>
        Uri.TryCreate(template
            .Replace("{origin}", fhirBase.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            .Replace("{fhirBaseUrl}", fhirBase.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal), UriKind.Absolute, out var url) ? url : null;
}
