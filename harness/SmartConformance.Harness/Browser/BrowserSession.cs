using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>One Playwright and one browser process per run; each launch gets its own isolated context.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Flags that keep Chromium quiet and workable on locked-down CI machines (no sandbox as root, no network chatter).
    private static readonly string[] DefaultArgs =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser, string executablePath)
    {
        _playwright = playwright;
        Browser = browser;
        ExecutablePath = executablePath;
    }

    public IBrowser Browser { get; }
    public string ExecutablePath { get; }

    public static async Task<BrowserSession> LaunchAsync(string executablePath, bool headless, IEnumerable<string> extraArgs)
    {
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
            return new BrowserSession(playwright, browser, executablePath);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = false, Locale = "en-US", ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });

    public async ValueTask DisposeAsync()
    {
        try { await Browser.CloseAsync(); } catch (PlaywrightException) { /* already gone */ }
        _playwright.Dispose();
    }
}
