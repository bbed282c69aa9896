using SmartConformance.Harness.Profiles;

namespace SmartConformance.Cli.Running;

/// <summary>
/// How many check fixtures run at once. Most of a fixture's time is spent waiting (on a launch, on a token to expire),
/// and the server's load is bounded elsewhere (HTTP requests by load.maxConcurrentRequests, browser launches by the
/// launch gate), so many fixtures run side by side: eight per core. A profile that allows one request at a time gets
/// fixtures one at a time too. SMART_WORKERS overrides it (1 for a serial run).
/// </summary>
public static class FixtureWorkers
{
    public const string Variable = "SMART_WORKERS";
    private const int Most = 64;

    public static int For(ServerProfile profile)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(Variable), out var asked) && asked > 0) return Math.Min(asked, Most);
        return profile.Load.MaxConcurrentRequests <= 1 ? 1 : Math.Min(Most, 8 * Environment.ProcessorCount);
    }
}
