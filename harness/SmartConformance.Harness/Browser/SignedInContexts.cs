using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>
/// Browser contexts in which a user has already signed in to the server, kept after their launch so a later launch for
/// the same user can re-authorize there, as an app does while the user's session lasts: the server's login page is then
/// usually skipped, which saves the slowest part of a launch. One launch uses a context at a time; a launch that failed
/// never gives its context back.
/// </summary>
internal sealed class SignedInContexts : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<Kept>> _idle = new(StringComparer.Ordinal);
    private bool _closed;

    /// <summary>A context kept for its user, with the next launch's page already opening (a new page costs a renderer start).</summary>
    public sealed record Kept(IBrowserContext Context, Task<IPage> NextPage);

    /// <summary>An idle context the user signed in to, or null when none is free.</summary>
    public Kept? Take(string user) =>
        _idle.TryGetValue(user, out var contexts) && contexts.TryTake(out var kept) ? kept : null;

    /// <summary>Keeps the context for the user's next launch, opening that launch's page now; closes it instead when the run is ending.</summary>
    public async Task GiveBackAsync(string user, IBrowserContext context)
    {
        if (Volatile.Read(ref _closed))
        {
            await context.CloseQuietlyAsync();
            return;
        }
        var next = context.NewPageAsync();
        _ = next.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted); // a context that died shows when taken
        _idle.GetOrAdd(user, _ => []).Add(new Kept(context, next));
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _closed, true);
        foreach (var contexts in _idle.Values)
            while (contexts.TryTake(out var kept))
                await kept.Context.CloseQuietlyAsync();
    }
}
