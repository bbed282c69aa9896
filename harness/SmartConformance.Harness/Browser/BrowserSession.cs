using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>One Playwright and one browser process per run; each launch gets its own isolated context.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Flags that keep Chromium quiet and workable on locked-down CI machines (no sandbox as root, no network chatter).
    private static readonly string[] DefaultArgs =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    // With no screen there is nothing for a separate GPU process to do: compositing in the browser process saves a process
    // (about 30 MB on the benchmark's machine). Chromium starts a renderer process for nearly every page and every
    // cross-site redirect (the callback is http, the server https): some 28 per run, each a process start on a small
    // machine. A soft limit of one more than the launches that run at once (the launch gate) lets pages share them: about
    // 7 per run, 2-4 CPU-seconds less, and the whole run 12 s instead of 14 s on the 2-core development VM. Contexts (and
    // so cookies and sign-ins) stay separate: the network service keeps them apart, whichever process renders the page.
    private static string[] HeadlessArgs => ["--in-process-gpu", $"--renderer-process-limit={Environment.ProcessorCount + 1}"];

    private readonly IPlaywright _playwright;
    private readonly WarmPages _warm;

    private BrowserSession(IPlaywright playwright, IBrowser browser, string executablePath, bool ignoreHttpsErrors)
    {
        _playwright = playwright;
        Browser = browser;
        ExecutablePath = executablePath;
        IgnoreHttpsErrors = ignoreHttpsErrors;
        _warm = new WarmPages(NewContextAsync, WarmPageCount);
        _warm.Start();
    }

    // Pages opened ahead: enough that launches the gate lets through together rarely wait for a renderer to start.
    private const int WarmPageCount = 2;

    public IBrowser Browser { get; }

    /// <summary>
    /// Launches that drive the browser at the same time, at most one per core: fixtures run in parallel, but logins that
    /// compete for the CPU would each get slower, and on a loaded machine run into the profile's step timeouts. (Three on
    /// two cores looked faster in a few runs on a busy machine, but one such run hit a 15 s step timeout: not worth it.)
    /// </summary>
    public LaunchGate LaunchGate { get; } = new(Environment.ProcessorCount);
    public string ExecutablePath { get; }
    /// <summary>True under --insecure: the browser accepts any certificate, as the suite's own HTTP client does.</summary>
    public bool IgnoreHttpsErrors { get; }

    /// <param name="trustedSpkiHashes">Public keys (base64 SHA-256 of the SPKI) the browser trusts beyond the system store: the profile's CA bundle.</param>
    public static async Task<BrowserSession> LaunchAsync(string executablePath, bool headless, IEnumerable<string> extraArgs,
        bool ignoreHttpsErrors = false, IReadOnlyList<string>? trustedSpkiHashes = null)
    {
        if (trustedSpkiHashes is { Count: > 0 })
            extraArgs = extraArgs.Append("--ignore-certificate-errors-spki-list=" + string.Join(",", trustedSpkiHashes));
        if (headless) extraArgs = HeadlessArgs.Concat(extraArgs);
        LeanDriverHeap();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = headless,
                Args = DefaultArgs.Concat(extraArgs).ToArray(),
                Timeout = 60_000,
            });
            return new BrowserSession(playwright, browser, executablePath, ignoreHttpsErrors);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Playwright's Node.js driver keeps V8's default 16 MB young-generation semi-spaces, sized for throughput; the driver
    /// only relays messages, and 1 MB semi-spaces take about 40 MB off a run's peak memory with no measurable slowdown.
    /// Playwright starts the driver with this process's environment and has no option of its own for it.
    /// </summary>
    private static void LeanDriverHeap()
    {
        const string option = "--max-semi-space-size=1";
        var current = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        if (current?.Contains("--max-semi-space-size", StringComparison.Ordinal) == true) return;
        Environment.SetEnvironmentVariable("NODE_OPTIONS", string.IsNullOrWhiteSpace(current) ? option : current + " " + option);
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
        try { await Browser.CloseAsync(); } catch (PlaywrightException) { /* already gone */ }
        _playwright.Dispose();
    }
}
