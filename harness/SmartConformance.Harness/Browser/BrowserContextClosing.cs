using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

internal static class BrowserContextClosing
{
    /// <summary>Closes a context the run no longer needs, waiting at most 2 s; a context or browser already gone is fine.</summary>
    public static async Task CloseQuietlyAsync(this IBrowserContext context)
    {
        try { await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(2)); }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException) { /* the browser is closing anyway */ }
    }
}
