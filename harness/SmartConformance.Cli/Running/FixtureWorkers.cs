using SmartConformance.Harness.Profiles;

namespace SmartConformance.Cli.Running;

/// <summary>
/// How many check fixtures run at once: two per core, bounded by the profile's load.maxConcurrentRequests, so a server
/// that asks for one request at a time gets fixtures one at a time too; SMART_WORKERS overrides it (1 for a serial run).
/// </summary>
public static class FixtureWorkers
{
    public const string Variable = "SMART_WORKERS";

    public static int For(ServerProfile profile)
    {
        var limit = Math.Max(1, Math.Min(profile.Load.MaxConcurrentRequests, 2 * Environment.ProcessorCount));
        return int.TryParse(Environment.GetEnvironmentVariable(Variable), out var asked) && asked > 0 ? Math.Min(asked, limit) : limit;
    }
}
