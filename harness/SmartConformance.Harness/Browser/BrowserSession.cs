using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>
/// A run's browser: its own process, in which each launch gets its own isolated context; closing the session closes it.
/// </summary>
/// <remarks>
/// Runs never share a browser. A Chromium that served several runs one after another (the self-tests' matrix worker
/// tried it to save a launch per run) stopped answering new-page requests after about five runs, and every later launch
/// waited on it for good; a browser per run costs about half a second and has never done that.
/// </remarks>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly BrowserProcess _process;
    private readonly WarmPages _warm;

    private BrowserSession(BrowserProcess process, bool ignoreHttpsErrors)
    {
        _process = process;
        IgnoreHttpsErrors = ignoreHttpsErrors;
        _warm = new WarmPages(NewContextAsync, WarmPageCount);
        _warm.Start();
    }

    // Pages opened ahead: enough that launches the gate lets through together rarely wait for a renderer to start.
    private const int WarmPageCount = 2;

    public IBrowser Browser => _process.Browser;
    /// <summary>Launches that drive the browser at once (see <see cref="BrowserProcess.LaunchGate"/>).</summary>
    public LaunchGate LaunchGate => _process.LaunchGate;
    /// <summary>True under --insecure: the browser accepts any certificate, as the suite's own HTTP client does.</summary>
    public bool IgnoreHttpsErrors { get; }

    /// <param name="trustedSpkiHashes">Public keys (base64 SHA-256 of the SPKI) the browser trusts beyond the system store: the profile's CA bundle.</param>
    /// <param name="driver">Playwright's driver, when the run started it early (<see cref="BrowserProcess.StartDriverAsync"/>).</param>
    public static async Task<BrowserSession> LaunchAsync(string executablePath, bool headless, IEnumerable<string> extraArgs,
        bool ignoreHttpsErrors = false, IReadOnlyList<string>? trustedSpkiHashes = null, Task<IPlaywright>? driver = null)
    {
        var settings = BrowserProcess.SettingsFor(executablePath, headless, extraArgs, trustedSpkiHashes);
        return new BrowserSession(await BrowserProcess.LaunchAsync(settings, driver), ignoreHttpsErrors);
    }

    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = IgnoreHttpsErrors, Locale = "en-US", ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });

    /// <summary>A fresh context (never used by another launch) and its page, for one launch to use and close.</summary>
    public Task<BrowserPage> NewPageAsync() => _warm.TakeAsync();

    /// <summary>Contexts a user signed in to in an earlier launch, for re-authorizing without signing in again.</summary>
    internal SignedInContexts SignedIn { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _warm.DisposeAsync();
        await SignedIn.DisposeAsync();
        await _process.DisposeAsync();
    }
}
