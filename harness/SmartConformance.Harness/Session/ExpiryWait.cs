using System.Diagnostics;

namespace SmartConformance.Harness.Session;

/// <summary>
/// Waits until a token that was issued when <paramref name="issued"/> started has passed its expires_in plus the
/// profile's skew. A timer, not a blocked thread, and counted in the run's waits phase, so probes started early overlap.
/// </summary>
public static class ExpiryWait
{
    public static async Task UntilExpiredAsync(SuiteSession session, Stopwatch issued, double expiresInSeconds, double skewSeconds, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(expiresInSeconds + skewSeconds) - issued.Elapsed;
        if (wait <= TimeSpan.Zero) return;
        using (session.Timings.Measure(RunTimings.Waits)) await Task.Delay(wait, ct);
    }
}
