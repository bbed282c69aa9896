using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>
/// Fresh browser contexts, each with its page, opened ahead of the launches that will use them: a new context and
/// page cost a renderer start (0.5–1.4 s), which a launch would otherwise wait for. Every context is handed out once
/// and closed by the launch that took it, so launches stay as isolated as before; unused ones are closed at the end.
/// </summary>
/// <param name="openLimit">How long opening a context and its page may take (<see cref="OpenLimit"/> unless a test says otherwise).</param>
internal sealed class WarmPages(Func<Task<IBrowserContext>> openContext, int size, TimeSpan? openLimit = null) : IAsyncDisposable
{
    /// <summary>
    /// Playwright's new-context and new-page requests have no timeout of their own, and a Chromium that stops answering
    /// them (seen with one browser kept across many runs) would hold the launch, and the run, until its time limit.
    /// Opening one takes well under a second, a few seconds on a loaded machine.
    /// </summary>
    public static readonly TimeSpan OpenLimit = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _openLimit = openLimit ?? OpenLimit;
    private readonly ConcurrentQueue<Task<BrowserPage>> _ready = new();
    private readonly object _gate = new();
    private bool _closed;

    /// <summary>Starts opening the first <c>size</c> pages in the background.</summary>
    public void Start()
    {
        for (var i = 0; i < size; i++) Refill();
    }

    /// <summary>A context no launch has used, with its blank page; a warm one when ready, else one opened now.</summary>
    public async Task<BrowserPage> TakeAsync()
    {
        var warm = _ready.TryDequeue(out var ready) ? ready : null;
        Refill();
        if (warm is not null)
        {
            try { return await warm; }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException) { /* that one could not be opened: open another now, and let its error show */ }
        }
        return await OpenAsync();
    }

    private void Refill()
    {
        lock (_gate)
        {
            if (_closed || _ready.Count >= size) return;
            _ready.Enqueue(OpenAsync());
        }
    }

    private async Task<BrowserPage> OpenAsync()
    {
        var context = await Bounded(openContext(), "a new browser context");
        try
        {
            return new BrowserPage(context, await Bounded(context.NewPageAsync(), "a new page"));
        }
        catch
        {
            await context.CloseQuietlyAsync();
            throw;
        }
    }

    private async Task<T> Bounded<T>(Task<T> opening, string what)
    {
        try { return await opening.WaitAsync(_openLimit); }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The browser did not open {what} within {_openLimit.TotalSeconds:0} s: it has stopped answering " +
                                       "(no launch can go on in it).");
        }
    }

    /// <summary>Closes the contexts no launch took; one still opening closes itself when it is ready. Never waits long.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate) _closed = true;
        while (_ready.TryDequeue(out var unused))
        {
            if (!unused.IsCompleted)
            {
                _ = CloseWhenOpenedAsync(unused);
                continue;
            }
            if (unused.IsCompletedSuccessfully) await unused.Result.Context.CloseQuietlyAsync();
        }
    }

    private static async Task CloseWhenOpenedAsync(Task<BrowserPage> opening)
    {
        try { await (await opening).Context.CloseQuietlyAsync(); }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException) { /* it never opened */ }
    }
}

/// <summary>A browser context of one launch and its page.</summary>
public sealed record BrowserPage(IBrowserContext Context, IPage Page);
