using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;

namespace SmartConformance.Tests.Introspection;

/// <summary>Endpoints and launches the introspection and revocation checks share, each started once per run.</summary>
internal static class TokenEvidence
{
    /// <summary>An endpoint URL from discovery; the check is skipped when discovery does not advertise it.</summary>
    public static async Task<Uri> AdvertisedEndpointAsync(SuiteSession session, string field)
    {
        var discovery = await session.DiscoveryAsync();
        if (discovery.Configuration is null) throw new IgnoreException($"Prerequisite missing: no discovery document ({discovery.Problem}); DISC-01 reports why.");
        return discovery.Configuration.Url(field) ?? throw new IgnoreException(
            discovery.Configuration.Has(field)
                ? $"{field} in the discovery document is not an absolute URL, so it cannot be exercised."
                : $"The discovery document advertises no {field} (RECOMMENDED by SMART App Launch 2.2 conformance.html#metadata), so there is nothing to test.");
    }

    public static LaunchProfile ConfidentialLaunch(SuiteSession session) => session.Profile.Launches.Confidential ?? throw new IgnoreException(
        "The profile has no launches.confidential entry (a launch with a confidential client, which introspection and revocation authenticate as). Add one to run this check.");

    /// <summary>A standalone launch with the profile's confidential client, whose tokens are introspected but never revoked.</summary>
    public static Task<LaunchOutcome> ConfidentialLaunchAsync(SuiteSession session)
    {
        var launch = ConfidentialLaunch(session);
        return session.Shared("confidential-launch", s => StandaloneLaunch.RunAsync(s, "confidential-launch", launch, CancellationToken.None));
    }

    public static ClientProfile ConfidentialClient(SuiteSession session) => session.Profile.Client(ConfidentialLaunch(session).Client);

    /// <summary>The revocation walk-through on a launch of its own (see <see cref="RevocationProbe"/>).</summary>
    public static async Task<RevocationProbeResult> RevocationProbeAsync(SuiteSession session)
    {
        var revocation = await AdvertisedEndpointAsync(session, "revocation_endpoint");
        var launch = ConfidentialLaunch(session);
        var introspection = (await session.DiscoveryAsync()).Configuration?.Url("introspection_endpoint");
        return await session.Shared("revocation-probe", s => RevocationProbe.RunAsync(s, launch, revocation, introspection, CancellationToken.None));
    }
}
