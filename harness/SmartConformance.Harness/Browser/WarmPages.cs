using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>
/// Fresh browser contexts, each with its page, opened ahead of the launches that will use them: a new context and
/// page cost a renderer start (0.5–1.4 s), which a launch would otherwise wait for. Every context is handed out once
/// and closed by the launch that took it, so launches stay as isolated as before; unused ones are closed at the end.
/// </summary>
internal sealed class WarmPages(Func<Task<IBrowserContext>> openContext, int size) : IAsyncDisposable
{
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
        var context = await openContext();
        try
        {
            return new BrowserPage(context, await context.NewPageAsync());
        }
        catch
        {
            await context.CloseQuietlyAsync();
            throw;
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
