using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>How a browser process is started: which executable, headless or not, and every command-line flag.</summary>
public sealed record BrowserLaunchSettings(string ExecutablePath, bool Headless, IReadOnlyList<string> Args);

/// <summary>
/// One Playwright driver and one browser process, and the gate that lets one launch per core drive it: the run's own,
/// where its <see cref="BrowserSession"/> opens its contexts.
/// </summary>
public sealed class BrowserProcess : IAsyncDisposable
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

    private BrowserProcess(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>
    /// Launches that drive the browser at the same time, at most one per core: fixtures run in parallel, but logins that
    /// compete for the CPU would each get slower, and on a loaded machine run into the profile's step timeouts. (Three on
    /// two cores looked faster in a few runs on a busy machine, but one such run hit a 15 s step timeout: not worth it.)
    /// </summary>
    public LaunchGate LaunchGate { get; } = new(Environment.ProcessorCount);

    /// <summary>The settings a run asks for: the suite's own flags first, then the profile's, then trust for extra certificates.</summary>
    /// <param name="trustedSpkiHashes">Public keys (base64 SHA-256 of the SPKI) the browser trusts beyond the system store.</param>
    public static BrowserLaunchSettings SettingsFor(string executablePath, bool headless, IEnumerable<string> extraArgs, IReadOnlyList<string>? trustedSpkiHashes)
    {
        IEnumerable<string> args = DefaultArgs;
        if (headless) args = args.Concat(HeadlessArgs);
        args = args.Concat(extraArgs);
        if (trustedSpkiHashes is { Count: > 0 })
            args = args.Append("--ignore-certificate-errors-spki-list=" + string.Join(",", trustedSpkiHashes));
        return new BrowserLaunchSettings(executablePath, headless, args.ToList());
    }

    /// <summary>
    /// Starts Playwright's driver, a Node.js process: about a second of a browser's start-up on a small machine, and it
    /// needs none of the launch settings, so a run can start it before it knows them (while its target starts).
    /// </summary>
    public static Task<IPlaywright> StartDriverAsync()
    {
        LeanDriverHeap();
        return Playwright.CreateAsync();
    }

    /// <param name="driver">A driver started earlier with <see cref="StartDriverAsync"/>; null starts one now.</param>
    public static async Task<BrowserProcess> LaunchAsync(BrowserLaunchSettings settings, Task<IPlaywright>? driver = null)
    {
        var playwright = await (driver ?? StartDriverAsync());
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = settings.ExecutablePath,
                Headless = settings.Headless,
                Args = settings.Args,
                Timeout = 60_000,
            });
            return new BrowserProcess(playwright, browser);
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

    public async ValueTask DisposeAsync()
    {
        try { await Browser.CloseAsync(); } catch (PlaywrightException) { /* already gone */ }
        _playwright.Dispose();
    }

    /// <summary>Stops a driver started with <see cref="StartDriverAsync"/> that no browser came to use.</summary>
    public static async Task DisposeUnusedDriverAsync(Task<IPlaywright> driver)
    {
        try { (await driver).Dispose(); }
        catch (Exception) { /* it never started */ }
    }
}
