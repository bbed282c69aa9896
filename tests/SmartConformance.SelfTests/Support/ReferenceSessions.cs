using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Tests.Framework;

namespace SmartConformance.SelfTests.Support;

/// <summary>A harness session against the embedded reference server, for tests that drive launches without running the checks.</summary>
public static class ReferenceSessions
{
    /// <param name="adjust">Changes to profiles/reference.json for this session, if any.</param>
    public static async Task<SuiteSession> StartAsync(string label, Func<ServerProfile, ServerProfile>? adjust = null)
    {
        var profilePath = RepoPaths.Profile("reference.json");
        var profile = ProfileLoader.Load(profilePath).Profile;
        var options = new RunOptions { ProfilePath = profilePath, ReportDirectory = RepoPaths.NewTempDirectory(label), LiveProgress = false };
        return await SuiteSession.StartAsync(adjust?.Invoke(profile) ?? profile, options, new EmbeddedReferenceServer(), []);
    }
}
