namespace SmartConformance.Harness.Session;

/// <summary>What the person or CI job asked for on the command line, on top of the profile.</summary>
public sealed record RunOptions
{
    public required string ProfilePath { get; init; }
    public string ReportDirectory { get; init; } = Path.Combine("reports", "latest");
    /// <summary>Faults for the embedded reference server, added to the profile's own.</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];
    public bool Headed { get; init; }
    public string? BrowserPath { get; init; }
    public double? HttpTimeoutSeconds { get; init; }
    public bool Insecure { get; init; }
    /// <summary>Write secrets into the report as they were (local debugging only); the report is marked as containing them.</summary>
    public bool NoRedact { get; init; }
    /// <summary>Record a Playwright trace of each browser launch into the report's artifacts folder (--trace).</summary>
    public bool Trace { get; init; }
    /// <summary>Screenshots kept of each browser launch: where a failed one stopped (default), or also after every step (--screenshots steps).</summary>
    public Browser.ScreenshotPolicy Screenshots { get; init; } = Browser.ScreenshotPolicy.Failures;
    /// <summary>Show a live progress line on a terminal; false prints one plain line per check (--no-progress).</summary>
    public bool LiveProgress { get; init; } = true;

    /// <summary>Whether the browser runs headless: the profile's choice, unless --headed.</summary>
    public bool Headless(Profiles.ServerProfile profile) => profile.Browser.Headless && !Headed;

    /// <summary>The browser this run drives: --browser, else the profile's, else one found on the machine (<see cref="Browser.BrowserLocator"/>).</summary>
    /// <exception cref="Browser.BrowserNotFoundException">None is found; the message says what to install.</exception>
    public string LocateBrowser(Profiles.ServerProfile profile) =>
        Browser.BrowserLocator.Locate(BrowserPath ?? profile.Browser.ExecutablePath, headless: Headless(profile));
}
