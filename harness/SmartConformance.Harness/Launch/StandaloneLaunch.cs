using Duende.IdentityModel;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// A standalone launch (SMART App Launch 2.x §"Standalone launch"): discovery, authorize in the browser with
/// PKCE S256, state and aud, then the code exchange. Never throws for a server's misbehaviour.
/// </summary>
public static class StandaloneLaunch
{
    /// <param name="consent">Browser steps on the consent page in place of browserSteps.approve (e.g. untick a scope, then approve).</param>
    public static async Task<LaunchOutcome> RunAsync(SuiteSession session, string label, LaunchProfile launch, CancellationToken ct,
        IReadOnlyList<BrowserStep>? consent = null)
    {
        var profile = session.Profile;
        var client = profile.Client(launch.Client);
        var user = profile.User(launch.User);
        var discovery = await session.DiscoveryAsync();
        if (discovery.Configuration?.AuthorizationEndpoint is not { } authorizationEndpoint)
            return new LaunchOutcome { Label = label, Problem = $"no usable authorization_endpoint in the discovery document ({discovery.Problem ?? "field missing or not an absolute URL"})" };
        if (discovery.Configuration.TokenEndpoint is not { } tokenEndpoint)
            return new LaunchOutcome { Label = label, Problem = "no usable token_endpoint in the discovery document" };

        var request = new AuthorizeRequest
        {
            AuthorizationEndpoint = authorizationEndpoint,
            ClientId = client.ClientId,
            RedirectUri = session.RedirectUri,
            Scope = launch.Scope,
            State = CryptoRandom.CreateUniqueId(24),
            Aud = session.FhirBaseUrl.ToString().TrimEnd('/'),
            Pkce = Pkce.NewS256(),
            // OpenID Connect Core §3.1.2.1: a nonce binds the id_token to this request. AuthorizationCodeFlow sends none,
            // so the suite also sees an openid request without one.
            Nonce = ScopeSet.Parse(launch.Scope).Contains("openid") ? CryptoRandom.CreateUniqueId(24) : null,
        };
        var url = request.ToUrl();
        var waiting = session.Redirects.ExpectAsync(request.State);
        BrowserLaunchResult browser;
        try
        {
            var driver = await session.BrowserDriverAsync();
            browser = await driver.RunAsync(label, url, [.. profile.BrowserSteps.Login, .. consent ?? profile.BrowserSteps.Approve], user, waiting, profile.Timeouts, ct,
                signedInAs: session.SignInReuseKey(launch.User));
        }
        catch (BrowserStepException ex)
        {
            session.Redirects.Forget(request.State);
            return new LaunchOutcome
            {
                Label = label, Request = request, AuthorizeUrl = url, Problem = ex.Message, ProblemIsHarness = true,
                Artifacts = ex.Screenshot is null ? [] : [ex.Screenshot],
            };
        }

        var outcome = new LaunchOutcome
        {
            Label = label, Request = request, AuthorizeUrl = url, Redirect = browser.Redirect,
            Artifacts = browser.Artifacts, BrowserTraffic = browser.Traffic,
        };
        if (browser.Redirect.Code is not { Length: > 0 } code)
            return outcome with { Problem = $"the authorization response carried no code (error={browser.Redirect.Error ?? "none"})" };

        var token = await session.Tokens.ExchangeCodeAsync(tokenEndpoint, client, code, request.RedirectUri, request.Pkce?.Verifier, ct);
        return outcome with
        {
            Token = token,
            Problem = token.Response.IsError ? $"the code exchange failed: {token.Response.Error}" : null,
        };
    }
}
