using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using EhrLaunchFlow = SmartConformance.Harness.Launch.EhrLaunch;

namespace SmartConformance.Tests.EhrLaunch;

/// <summary>The EHR launch evidence the checks share, each started once per run.</summary>
internal static class EhrEvidence
{
    /// <summary>The EHR launch; the check is skipped when the profile describes none.</summary>
    public static Task<EhrLaunchOutcome> LaunchAsync(SuiteSession session)
    {
        var ehr = Configured(session);
        return session.Shared("ehr-launch", s => EhrLaunchFlow.RunAsync(s, ehr, CancellationToken.None));
    }

    public static Task<IReadOnlyList<EhrLaunchRefusal>> RefusalsAsync(SuiteSession session)
    {
        var ehr = Configured(session);
        return session.Shared("ehr-launch-refusals", s => EhrLaunchRefusals.RunAsync(s, ehr, CancellationToken.None));
    }

    private static EhrLaunchProfile Configured(SuiteSession session) => session.Profile.Launches.Ehr ?? throw new IgnoreException(
        "The profile has no launches.ehr entry, so the EHR launch is not exercised. Add one (see profiles/profile.schema.json) to run this check.");
}
