using System.Diagnostics;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;

namespace SmartConformance.Harness.Launch;

/// <summary>
/// Reads FHIR with a fresh access token, waits out its <c>expires_in</c> plus a skew, and reads again. The wait is a
/// timer, not a blocked thread: start the probe early (SuiteSession.Shared) so it overlaps with other checks.
/// </summary>
public sealed record ExpiryProbe
{
    public required LaunchOutcome Launch { get; init; }
    public double? ExpiresIn { get; init; }
    public FhirRead? Before { get; init; }
    public FhirRead? After { get; init; }
    public TimeSpan Waited { get; init; }
    /// <summary>Why the probe did not wait (no usable token, no expires_in, a lifetime longer than the profile allows).</summary>
    public string? NotRun { get; init; }

    public static async Task<ExpiryProbe> RunAsync(SuiteSession session, LaunchProfile launch, string patientPath,
        double maxWaitSeconds, double skewSeconds, CancellationToken ct)
    {
        var outcome = await AuthorizationCodeFlow.LaunchAsync(session, "expiry-probe", launch, ct, ahead: true);
        var issued = Stopwatch.StartNew();
        var probe = new ExpiryProbe { Launch = outcome };
        if (outcome.AccessToken is not { } token) return probe with { NotRun = $"the launch stopped early ({outcome.Problem ?? "no access token"})" };
        if (outcome.Token!.Response.ExpiresIn is not (> 0 and var expiresIn))
            return probe with { NotRun = "the token response has no positive expires_in, so there is no moment to wait for" };
        probe = probe with { ExpiresIn = expiresIn };
        if (expiresIn > maxWaitSeconds)
            return probe with { NotRun = $"the access token lives {expiresIn} s, longer than the profile's maxWaitSeconds ({maxWaitSeconds} s)" };

        probe = probe with { Before = await FhirRead.GetAsync(session.Http, session.FhirBaseUrl, patientPath, token, "fhir-read-before-expiry", ct) };
        await ExpiryWait.UntilExpiredAsync(session, issued, expiresIn, skewSeconds, ct);
        return probe with
        {
            Waited = issued.Elapsed,
            After = await FhirRead.GetAsync(session.Http, session.FhirBaseUrl, patientPath, token, "fhir-read-after-expiry", ct),
        };
    }
}
