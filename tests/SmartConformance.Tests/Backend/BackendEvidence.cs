using SmartConformance.Harness.Backend;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Backend;

/// <summary>
/// What the backend services checks need: the profile's backend client, a server advertising client-confidential-asymmetric
/// and client_credentials, its token endpoint, and the shared grants (one per key). Null, with the reason, when a check must skip.
/// </summary>
internal static class BackendEvidence
{
    private static SuiteSession Session => SuiteSession.Current;

    public static async Task<(BackendServicesProfile Profile, Uri TokenEndpoint)?> PrerequisitesAsync(Action<string> skip)
    {
        if (Session.Profile.BackendServices is not { } profile)
        {
            skip("The profile has no backendServices client, so backend services and asymmetric client authentication are not tested.");
            return null;
        }
        var fetch = await Session.DiscoveryAsync();
        if (fetch.Configuration is not { } config)
        {
            skip($"Prerequisite missing: the discovery document could not be read ({fetch.Problem ?? "no detail"}); DISC-01 reports why.");
            return null;
        }
        if (!config.Capabilities.Contains("client-confidential-asymmetric"))
        {
            skip("The server does not advertise the client-confidential-asymmetric capability.");
            return null;
        }
        if (config.Strings("grant_types_supported") is not { } grants || !grants.Contains("client_credentials"))
        {
            skip("The server does not list client_credentials in grant_types_supported.");
            return null;
        }
        if (config.TokenEndpoint is not { } tokenEndpoint)
        {
            skip("Prerequisite missing: discovery has no usable token_endpoint; DISC-02 reports it.");
            return null;
        }
        return (profile, tokenEndpoint);
    }

    /// <summary>The grants BSV-01 judges, shared by the checks that need a backend token. Also starts the expiry probe.</summary>
    public static Task<BackendGrants> Grants(BackendServicesProfile profile, Uri tokenEndpoint)
    {
        _ = Expiry(profile, tokenEndpoint);
        return Session.Shared("backend-grants", session => Detached(() => BackendGrants.RunAsync(session, tokenEndpoint, profile)));
    }

    public static Task<BackendExpiryProbe>? Expiry(BackendServicesProfile profile, Uri tokenEndpoint)
    {
        if (profile.ShortLivedClientId is not { } clientId || profile.InScopeRead is not { } read) return null;
        var policy = Session.Profile.Policies.AccessTokenExpiry;
        return Session.Shared("backend-expiry-probe", session => Detached(() =>
            BackendExpiryProbe.RunAsync(session, tokenEndpoint, profile, clientId, read, policy.MaxWaitSeconds, policy.SkewSeconds)));
    }

    // Shared evidence belongs to no single check: the checks that use it attach its exchanges themselves.
    private static Task<T> Detached<T>(Func<Task<T>> start) => Session.StartDetached(start);
}
