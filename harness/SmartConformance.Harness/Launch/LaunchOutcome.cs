using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Redirect;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// Everything one launch produced, successful or not. Checks read what they need from it; a missing piece
/// comes with <see cref="Problem"/> saying why, instead of an exception.
/// </summary>
public sealed record LaunchOutcome
{
    public required string Label { get; init; }
    public AuthorizeRequest? Request { get; init; }
    public Uri? AuthorizeUrl { get; init; }
    public RedirectCapture? Redirect { get; init; }
    public TokenCall? Token { get; init; }
    public IReadOnlyList<BrowserArtifact> Artifacts { get; init; } = [];
    public IReadOnlyList<HttpExchange> BrowserTraffic { get; init; } = [];
    /// <summary>Why the launch stopped early, in words for the report; null when it ran to the token response.</summary>
    public string? Problem { get; init; }
    /// <summary>True when the suite itself could not go on (browser steps, timeouts): checks report "error", not "fail".</summary>
    public bool ProblemIsHarness { get; init; }

    public string? AccessToken => Token?.Response.IsError == false ? Token.Response.AccessToken : null;
}
