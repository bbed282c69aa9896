using System.Net;

namespace SmartConformance.Harness.Http;

/// <summary>
/// Honours 429 Too Many Requests: waits as Retry-After asks (at most <c>maxWait</c>), retries at most
/// <c>maxRetries</c> times, then hands the last 429 to the caller and notes it in the <see cref="ThrottleLog"/>.
/// Every attempt is recorded as its own exchange (this handler sits outside the recorder).
/// </summary>
public sealed class RetryAfterHandler(int maxRetries, TimeSpan maxWait, ThrottleLog log) : DelegatingHandler
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests) return response;
            var wait = RequestedWait(response) ?? DefaultWait;
            string? gaveUp = null;
            if (attempt >= maxRetries) gaveUp = $"still 429 after {maxRetries} retr{(maxRetries == 1 ? "y" : "ies")}";
            else if (wait > maxWait) gaveUp = $"Retry-After asked for {wait.TotalSeconds:0} s, more than the {maxWait.TotalSeconds:0} s the profile allows (load.maxRetryAfterSeconds)";
            log.Add(new ThrottleEvent(request.Method.Method, request.RequestUri!, gaveUp is null ? wait : TimeSpan.Zero, gaveUp));
            if (gaveUp is not null) return response;
            response.Dispose();
            await Task.Delay(wait, ct);
        }
    }

    private static TimeSpan? RequestedWait(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter?.Date is { } date) return date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero;
        return null;
    }
}
