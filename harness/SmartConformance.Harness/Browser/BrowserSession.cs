using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>
/// A run's browser: its own process, or a shared one (<see cref="SharedBrowsers"/>); either way each launch gets its own
/// isolated context, and closing the session closes every context the run opened.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly BrowserProcess _process;
    private readonly bool _ownsProcess;
    private readonly WarmPages _warm;
    private readonly ConcurrentDictionary<IBrowserContext, byte> _contexts = new(ReferenceEqualityComparer.Instance);

    private BrowserSession(BrowserProcess process, bool ownsProcess, bool ignoreHttpsErrors)
    {
        _process = process;
        _ownsProcess = ownsProcess;
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
    public static async Task<BrowserSession> LaunchAsync(string executablePath, bool headless, IEnumerable<string> extraArgs,
        bool ignoreHttpsErrors = false, IReadOnlyList<string>? trustedSpkiHashes = null)
    {
        var settings = BrowserProcess.SettingsFor(executablePath, headless, extraArgs, trustedSpkiHashes);
        if (SharedBrowsers.TryGet(settings) is { } shared) return new BrowserSession(await shared, ownsProcess: false, ignoreHttpsErrors);
        return new BrowserSession(await BrowserProcess.LaunchAsync(settings), ownsProcess: true, ignoreHttpsErrors);
    }

    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = IgnoreHttpsErrors, Locale = "en-US", ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });
        _contexts[context] = 0;
        context.Close += (_, _) => _contexts.TryRemove(context, out _);
        return context;
    }

    /// <summary>A fresh context (never used by another launch) and its page, for one launch to use and close.</summary>
    public Task<BrowserPage> NewPageAsync() => _warm.TakeAsync();

    /// <summary>Contexts a user signed in to in an earlier launch, for re-authorizing without signing in again.</summary>
    internal SignedInContexts SignedIn { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _warm.DisposeAsync();
        await SignedIn.DisposeAsync();
        if (_ownsProcess)
        {
            await _process.DisposeAsync();
            return;
        }
        // A shared browser stays open for the host's other runs; what this run still has open closes, so a launch in
        // flight ends at once, as it would with the browser closed.
        await Task.WhenAll(_contexts.Keys.Select(c => c.CloseQuietlyAsync()));
    }
}
