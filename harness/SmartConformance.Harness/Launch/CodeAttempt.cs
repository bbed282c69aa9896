using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Redirect;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// One authorization request and how the server answered it, before any code exchange: a redirect to the app (with a
/// code or an error), an error page of its own, or a stop with <see cref="Problem"/> saying why.
/// </summary>
public sealed record CodeAttempt
{
    public required string Label { get; init; }
    public AuthorizeRequest? Request { get; init; }
    public Uri? AuthorizeUrl { get; init; }
    /// <summary>The browserless GET of the authorize URL, when one was made to see a refusal that needs no login.</summary>
    public HttpExchange? Preflight { get; init; }
    /// <summary>The status of the server's own error page when it refused without redirecting to the app.</summary>
    public int? ErrorPageStatus { get; init; }
    public RedirectCapture? Redirect { get; init; }
    /// <summary>An authorization response that reached another path of the redirect listener (a redirect_uri other than the registered one).</summary>
    public RedirectCapture? ArrivedElsewhere { get; init; }
    /// <summary>The page the browser stopped on when it could not finish the steps (a server's own error page, for example).</summary>
    public string? StoppedAt { get; init; }
    public IReadOnlyList<BrowserArtifact> Artifacts { get; init; } = [];
    public IReadOnlyList<HttpExchange> BrowserTraffic { get; init; } = [];
    public string? Problem { get; init; }
    public bool ProblemIsHarness { get; init; }

    public string? Code => Redirect?.Code is { Length: > 0 } code ? code : null;

    /// <summary>True when the server issued no code: an error redirect or its own error page.</summary>
    public bool Refused => Problem is null && Code is null && (Redirect is not null || ErrorPageStatus is not null);

    /// <summary>The exchanges that show what happened, for a check's evidence.</summary>
    public IEnumerable<HttpExchange?> Evidence => [Preflight, .. BrowserTraffic];

    /// <summary>The same attempt as a launch (so RequireLaunch applies), with the token call when the code was exchanged.</summary>
    public LaunchOutcome ToLaunch(TokenCall? token = null, string? problem = null) => new()
    {
        Label = Label, Request = Request, AuthorizeUrl = AuthorizeUrl, Redirect = Redirect, Token = token,
        Artifacts = Artifacts, BrowserTraffic = [.. Evidence.OfType<HttpExchange>()],
        Problem = problem ?? Problem, ProblemIsHarness = problem is null && ProblemIsHarness,
    };
}
