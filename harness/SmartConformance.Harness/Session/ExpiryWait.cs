using System.Diagnostics;

namespace SmartConformance.Harness.Session;

/// <summary>
/// Waits out a token's or code's lifetime. A timer, not a blocked thread, and counted in the run's waits phase, so
/// probes started early overlap with other checks.
/// </summary>
public static class ExpiryWait
{
    /// <summary>Until a token issued when <paramref name="issued"/> started has passed its expires_in plus the profile's skew.</summary>
    public static Task UntilExpiredAsync(SuiteSession session, Stopwatch issued, double expiresInSeconds, double skewSeconds, CancellationToken ct) =>
        ForAsync(session, TimeSpan.FromSeconds(expiresInSeconds + skewSeconds) - issued.Elapsed, ct);

    /// <summary>For what is left of a lifetime; nothing when it has already passed.</summary>
    public static async Task ForAsync(SuiteSession session, TimeSpan remaining, CancellationToken ct)
    {
        if (remaining <= TimeSpan.Zero) return;
        using (session.Timings.Measure(RunTimings.Waits)) await Task.Delay(remaining, ct);
    }
}
