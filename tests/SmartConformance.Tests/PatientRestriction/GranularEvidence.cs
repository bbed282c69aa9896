using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;

namespace SmartConformance.Tests.PatientRestriction;

/// <summary>The standalone launch repeated with fhirAccess.granular.scope, started once per run for RS-07 and SCOPE-03.</summary>
internal static class GranularEvidence
{
    public static Task<LaunchOutcome> LaunchAsync(SuiteSession session, GranularScopeProfile granular)
    {
        var standalone = session.Profile.Launches.StandalonePatient;
        return session.Shared("granular-launch", s =>
            StandaloneLaunch.RunAsync(s, "granular-scope", new LaunchProfile(standalone.Client, standalone.User, granular.Scope), CancellationToken.None));
    }
}
