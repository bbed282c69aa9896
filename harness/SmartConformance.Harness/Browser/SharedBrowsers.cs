namespace SmartConformance.Harness.Browser;

/// <summary>
/// Lets the runs of one host share browser processes. While a host keeps them (the self-tests' fault matrix runs the
/// suite some 140 times side by side), a run gets a browser already started with the same settings, and leaves it open
/// when it ends; the last keeper to let go closes them. With no keeper, every run starts and closes its own browser, as
/// the smart-conformance command does: one browser per run.
/// </summary>
public static class SharedBrowsers
{
    private static readonly object Lock = new();
    private static readonly Dictionary<string, Task<BrowserProcess>> Started = new(StringComparer.Ordinal);
    private static int _keepers;

    /// <summary>Keeps browsers shared until the result is disposed.</summary>
    public static IAsyncDisposable Keep()
    {
        lock (Lock) _keepers++;
        return new Keeper();
    }

    /// <summary>A shared browser with these settings (started now if none is, or if the last one died), or null when no host keeps them.</summary>
    internal static Task<BrowserProcess>? TryGet(BrowserLaunchSettings settings)
    {
        lock (Lock)
        {
            if (_keepers == 0) return null;
            if (!Started.TryGetValue(settings.Key, out var started) || IsDead(started))
            {
                // Playwright's connection keeps the async context it was created in; a shared one belongs to no run.
                using (ExecutionContext.SuppressFlow())
                    Started[settings.Key] = started = Task.Run(() => BrowserProcess.LaunchAsync(settings));
            }
            return started;
        }
    }

    private static bool IsDead(Task<BrowserProcess> started) =>
        started.IsFaulted || started.IsCanceled || (started.IsCompletedSuccessfully && !started.Result.Browser.IsConnected);

    private static async Task LetGoAsync()
    {
        List<Task<BrowserProcess>> closing;
        lock (Lock)
        {
            if (--_keepers > 0) return;
            closing = [.. Started.Values];
            Started.Clear();
        }
        foreach (var started in closing)
        {
            try { await (await started).DisposeAsync(); }
            catch (Exception) { /* it never started, or is already gone */ }
        }
    }

    private sealed class Keeper : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _released, 1) == 0 ? new ValueTask(LetGoAsync()) : ValueTask.CompletedTask;
    }
}
