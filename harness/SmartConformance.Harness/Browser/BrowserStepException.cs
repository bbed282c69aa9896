namespace SmartConformance.Harness.Browser;

/// <summary>
/// The browser could not do what the profile's steps say (an element never appeared, the redirect never came).
/// This is the suite unable to decide, not the server failing a requirement: checks that need the launch report "error".
/// </summary>
public sealed class BrowserStepException(string message, string? pageUrl, BrowserArtifact? screenshot, Exception? inner = null)
    : Exception(message, inner)
{
    public string? PageUrl { get; } = pageUrl;
    public BrowserArtifact? Screenshot { get; } = screenshot;
}
