namespace SmartConformance.Harness.Http;

/// <summary>Bounds how many requests the suite has in flight at once, so it never loads a server beyond what the profile allows.</summary>
public sealed class ConcurrencyLimitHandler(int maxConcurrentRequests) : DelegatingHandler
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentRequests, maxConcurrentRequests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try { return await base.SendAsync(request, ct); }
        finally { _slots.Release(); }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _slots.Dispose();
        base.Dispose(disposing);
    }
}
