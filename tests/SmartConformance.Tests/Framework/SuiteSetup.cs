using NUnit.Framework;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;

// The namespace matters: this SetUpFixture wraps every fixture under SmartConformance.Tests.
namespace SmartConformance.Tests;

/// <summary>
/// Starts the run's session when the checks are run with plain `dotnet test` (profile from the test parameter
/// "profile" or SMART_PROFILE). Under the smart-conformance command the session already exists and is reused.
/// </summary>
[SetUpFixture]
public sealed class SuiteSetup
{
    private SuiteSession? _owned;

    [OneTimeSetUp]
    public async Task StartSessionAsync()
    {
        if (!SuiteSession.IsRunning)
        {
            var profilePath = TestContext.Parameters.Get("profile") ?? Environment.GetEnvironmentVariable("SMART_PROFILE") ?? FindReferenceProfile();
            var loaded = ProfileLoader.Load(profilePath);
            var options = new RunOptions { ProfilePath = profilePath, ReportDirectory = TestContext.Parameters.Get("reportDir") ?? Path.Combine(Path.GetTempPath(), "smart-conformance") };
            _owned = await SuiteSession.StartAsync(loaded.Profile, options, new Framework.EmbeddedReferenceServer(), loaded.Warnings.Select(w => w.ToString()).ToList());
        }
        var session = SuiteSession.Current;
        session.Recorder.CurrentOwner = () => TestContext.CurrentContext.Test.ID;
    }

    [OneTimeTearDown]
    public async Task StopSessionAsync()
    {
        if (_owned is not null) await _owned.DisposeAsync();
    }

    private static string FindReferenceProfile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "profiles", "reference.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("No profile given: pass --testparam profile=FILE (or set SMART_PROFILE).");
    }
}
