using Duende.IdentityModel;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// The authorization half of a launch with the knobs negative tests need (another client, another scope, a PKCE mode),
/// stopping at the code so each check can redeem it its own way. <see cref="LaunchAsync"/> adds the usual exchange.
/// Never throws for a server's misbehaviour.
/// </summary>
public static class AuthorizationCodeFlow
{
    /// <param name="preflight">Ask once without a browser first, so a refusal that needs no login is seen without one.</param>
    /// <param name="shape">Alters the request (another redirect_uri, client_id, aud, response_type) for negative tests.</param>
    /// <param name="consent">The steps after login; the profile's approve steps when null (the deny steps to refuse).</param>
    /// <param name="formPost">Send the request as a form POST (authorize-post) instead of a GET.</param>
    /// <param name="ahead">Let this launch into the browser before others: its result is then waited out (see <see cref="Browser.LaunchGate"/>).</param>
    public static async Task<CodeAttempt> RequestCodeAsync(SuiteSession session, string label, LaunchProfile launch,
        PkceMode pkce = PkceMode.S256, bool preflight = false, CancellationToken ct = default,
        Func<AuthorizeRequest, AuthorizeRequest>? shape = null, IReadOnlyList<BrowserStep>? consent = null, bool formPost = false,
        ClientProfile? client = null, bool ahead = false)
    {
        var profile = session.Profile;
        var discovery = await session.DiscoveryAsync();
        if (discovery.Configuration?.AuthorizationEndpoint is not { } authorizationEndpoint)
            return new CodeAttempt { Label = label, Problem = $"no usable authorization_endpoint in the discovery document ({discovery.Problem ?? "field missing or not an absolute URL"})" };

        var request = new AuthorizeRequest
        {
            AuthorizationEndpoint = authorizationEndpoint,
            ClientId = (client ?? profile.Client(launch.Client)).ClientId,
            RedirectUri = session.RedirectUri,
            Scope = launch.Scope,
            State = CryptoRandom.CreateUniqueId(24),
            Aud = session.FhirBaseUrl.ToString().TrimEnd('/'),
            Pkce = pkce switch
            {
                PkceMode.S256 => Pkce.NewS256(),
                PkceMode.Plain => PlainPkce(),
                _ => null,
            },
        };
        if (shape is not null) request = shape(request);
        var url = request.ToUrl();
        var attempt = new CodeAttempt { Label = label, Request = request, AuthorizeUrl = url };
        var form = formPost ? request.ToParameters() : null;
        var sentTo = Uri.TryCreate(request.RedirectUri, UriKind.Absolute, out var redirectUri) ? redirectUri : session.Redirects.CallbackUri;

        if (preflight)
        {
            var answer = await AuthorizePreflight.RunAsync(session.Http, form is null ? url : request.AuthorizationEndpoint, sentTo,
                $"{label}-authorize", ct, form);
            attempt = attempt with { Preflight = answer.Exchange };
            if (answer.Decided) return attempt with { Redirect = answer.Redirect, ErrorPageStatus = answer.ErrorPageStatus };
        }

        var waiting = session.Redirects.ExpectAsync(request.State);
        try
        {
            var driver = await session.BrowserDriverAsync();
            var start = form is null ? url : session.Redirects.ServeFormPost(request.AuthorizationEndpoint, form);
            var browser = await driver.RunAsync(label, start, [.. profile.BrowserSteps.Login, .. consent ?? profile.BrowserSteps.Approve],
                profile.User(launch.User), waiting, profile.Timeouts, ct, signedInAs: session.SignInReuseKey(launch.User), ahead: ahead);
            return attempt with { Redirect = browser.Redirect, Artifacts = browser.Artifacts, BrowserTraffic = browser.Traffic };
        }
        catch (BrowserStepException ex)
        {
            session.Redirects.Forget(request.State);
            return attempt with
            {
                Problem = ex.Message, ProblemIsHarness = true, Artifacts = ex.Screenshot is null ? [] : [ex.Screenshot],
                ArrivedElsewhere = session.Redirects.ArrivedElsewhere(request.State), StoppedAt = ex.PageUrl,
            };
        }
    }

    /// <summary>A whole launch for the given client, user and scope: the code, then its exchange by that client.</summary>
    public static async Task<LaunchOutcome> LaunchAsync(SuiteSession session, string label, LaunchProfile launch, CancellationToken ct = default, bool ahead = false) =>
        await ExchangeAsync(session, await RequestCodeAsync(session, label, launch, ct: ct, ahead: ahead), session.Profile.Client(launch.Client), ct);

    /// <summary>Redeems the attempt's code as the given client, with the attempt's redirect URI and verifier.</summary>
    public static async Task<LaunchOutcome> ExchangeAsync(SuiteSession session, CodeAttempt attempt, ClientProfile client, CancellationToken ct = default)
    {
        if (attempt.Problem is not null) return attempt.ToLaunch();
        if (attempt.Code is not { } code)
            return attempt.ToLaunch(problem: $"the authorization response carried no code (error={attempt.Redirect?.Error ?? $"none; the server answered {attempt.ErrorPageStatus}"})");
        var discovery = await session.DiscoveryAsync();
        if (discovery.Configuration?.TokenEndpoint is not { } tokenEndpoint)
            return attempt.ToLaunch(problem: "no usable token_endpoint in the discovery document");

        var token = await session.Tokens.ExchangeCodeAsync(tokenEndpoint, client, code, attempt.Request!.RedirectUri, attempt.Request.Pkce?.Verifier, ct);
        return attempt.ToLaunch(token, token.Response.IsError ? $"the code exchange failed: {token.Response.Error}" : null);
    }

    // RFC 7636 §4.2: with "plain" the challenge is the verifier itself.
    private static Pkce PlainPkce()
    {
        var verifier = CryptoRandom.CreateUniqueId(48, CryptoRandom.OutputFormat.Base64Url);
        return new Pkce(verifier, verifier, "plain");
    }
}
