using Duende.IdentityModel;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Redirect;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// An EHR launch (SMART App Launch 2.2 app-launch.html#launch-app-ehr-launch): the browser opens the EHR's start page and
/// walks its steps until the EHR opens the app's launch URL with iss and launch; the suite answers that request with a
/// redirect to the authorize URL it builds (PKCE S256, state, aud, launch), the browser logs in and approves, and the
/// code is exchanged. Never throws for a server's misbehaviour.
/// </summary>
public static class EhrLaunch
{
    public const string Label = "ehr-launch";

    public static async Task<EhrLaunchOutcome> RunAsync(SuiteSession session, EhrLaunchProfile ehr, CancellationToken ct)
    {
        var profile = session.Profile;
        var client = profile.Client(ehr.Client);
        var user = profile.User(ehr.User);
        var progress = new Progress();
        var key = CryptoRandom.CreateUniqueId(16);
        var launchUrl = session.Redirects.ExpectLaunch(key, capture => ContinueAsync(session, ehr, client, capture, progress));
        var start = EhrLaunchStart.Resolve(ehr, session.FhirBaseUrl, launchUrl, client);

        BrowserLaunchResult browser;
        try
        {
            var driver = await session.BrowserDriverAsync();
            browser = await driver.RunAsync(Label, start, [.. ehr.Steps, .. profile.BrowserSteps.Login, .. profile.BrowserSteps.Approve],
                user, progress.Finished.Task, profile.Timeouts, ct);
        }
        catch (BrowserStepException ex)
        {
            session.Redirects.ForgetLaunch(key);
            if (progress.Request is { } sent) session.Redirects.Forget(sent.State);
            var where = progress.Received is null ? "The EHR never opened the app's launch URL. " : "";
            return Outcome(progress, ehr, start, launchUrl, new LaunchOutcome
            {
                Label = Label, Request = progress.Request, AuthorizeUrl = progress.AuthorizeUrl,
                Problem = where + ex.Message, ProblemIsHarness = true,
                Artifacts = ex.Screenshot is null ? [] : [ex.Screenshot],
            });
        }

        var launch = new LaunchOutcome
        {
            Label = Label, Request = progress.Request, AuthorizeUrl = progress.AuthorizeUrl,
            Artifacts = browser.Artifacts, BrowserTraffic = browser.Traffic,
        };
        if (progress.Problem is { } problem)
            return Outcome(progress, ehr, start, launchUrl, launch with { Problem = problem });
        launch = launch with { Redirect = browser.Redirect };
        if (browser.Redirect.Code is not { Length: > 0 } code)
            return Outcome(progress, ehr, start, launchUrl, launch with { Problem = $"the authorization response carried no code (error={browser.Redirect.Error ?? "none"})" });

        var token = await session.Tokens.ExchangeCodeAsync(progress.TokenEndpoint!, client, code, progress.Request!.RedirectUri, progress.Request.Pkce?.Verifier, ct);
        return Outcome(progress, ehr, start, launchUrl, launch with
        {
            Token = token,
            Problem = token.Response.IsError ? $"the code exchange failed: {token.Response.Error}" : null,
        });
    }

    // Runs inside the launch URL's request: whatever it returns is where the browser goes next.
    private static async Task<Uri?> ContinueAsync(SuiteSession session, EhrLaunchProfile ehr, ClientProfile client, LaunchCapture capture, Progress progress)
    {
        progress.Received = capture;
        if (string.IsNullOrEmpty(capture.Launch))
            return progress.Stop(capture, "the EHR opened the app's launch URL without a launch parameter, so there is nothing to authorize with");

        // A real app fetches discovery from iss. When iss is not the profile's FHIR base the suite does not follow it
        // (it could point anywhere); EHR-01 reports the mismatch and the launch goes on against the configured server.
        var discovery = await session.DiscoveryAsync();
        if (discovery.Configuration?.AuthorizationEndpoint is not { } authorizationEndpoint)
            return progress.Stop(capture, $"no usable authorization_endpoint in the discovery document ({discovery.Problem ?? "field missing or not an absolute URL"})");
        if (discovery.Configuration.TokenEndpoint is not { } tokenEndpoint)
            return progress.Stop(capture, "no usable token_endpoint in the discovery document");

        var request = new AuthorizeRequest
        {
            AuthorizationEndpoint = authorizationEndpoint,
            ClientId = client.ClientId,
            RedirectUri = session.RedirectUri,
            Scope = ehr.Scope,
            State = CryptoRandom.CreateUniqueId(24),
            Aud = session.FhirBaseUrl.ToString().TrimEnd('/'),
            Pkce = Pkce.NewS256(),
            Launch = capture.Launch,
        };
        progress.Request = request;
        progress.TokenEndpoint = tokenEndpoint;
        progress.AuthorizeUrl = request.ToUrl();
        _ = session.Redirects.ExpectAsync(request.State).ContinueWith(
            arrived => { if (arrived.IsCompletedSuccessfully) progress.Finished.TrySetResult(arrived.Result); }, TaskScheduler.Default);
        return progress.AuthorizeUrl;
    }

    private static EhrLaunchOutcome Outcome(Progress progress, EhrLaunchProfile ehr, Uri start, Uri launchUrl, LaunchOutcome launch) =>
        new(ehr, start, launchUrl, progress.Received, launch);

    /// <summary>What the launch URL's handler learned, read by the flow once the browser is done.</summary>
    private sealed class Progress
    {
        public TaskCompletionSource<RedirectCapture> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LaunchCapture? Received { get; set; }
        public AuthorizeRequest? Request { get; set; }
        public Uri? AuthorizeUrl { get; set; }
        public Uri? TokenEndpoint { get; set; }
        public string? Problem { get; private set; }

        // Ends the browser's wait: the launch cannot go on, and the page at the launch URL says so.
        public Uri? Stop(LaunchCapture capture, string problem)
        {
            Problem = problem;
            Finished.TrySetResult(new RedirectCapture(capture.Url, capture.ArrivedAt));
            return null;
        }
    }
}
