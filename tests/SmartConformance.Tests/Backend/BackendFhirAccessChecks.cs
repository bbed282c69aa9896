using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Backend;

[CheckGroup("Backend services")]
public sealed class BackendFhirAccessChecks : ConformanceFixture
{
    [Test]
    [Check("BSV-05", "A backend (system-scope) token reads what its scopes cover and is refused for other resource types",
        "SMART App Launch 2.2 Backend Services: access FHIR API", BackendSpec.AccessResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@142"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@243"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@266")]
    public async Task SystemToken_ReachesOnlyItsScopes()
    {
        if (await BackendEvidence.PrerequisitesAsync(Skip) is not var (profile, tokenEndpoint)) return;
        if (profile.InScopeRead is not { } inScope || profile.OutOfScopeRead is not { } outOfScope)
        {
            Skip("The profile's backendServices lacks inScopeRead or outOfScopeRead.");
            return;
        }
        var grants = await BackendEvidence.Grants(profile, tokenEndpoint);
        if (grants.Issued is not { AccessToken: { } token } grant)
        {
            Skip("Prerequisite missing: no backend access token was issued; BSV-01 reports why.");
            return;
        }
        Uses(grant.Response.Exchange);
        var scope = grant.Member("scope")?.ToString() ?? profile.Scope;

        var allowed = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, inScope, token, "backend-read-in-scope", Session.Stopping);
        Uses(allowed.Exchange);
        if (!allowed.IsSuccess)
        {
            Fail($"GET {inScope} with a backend token granted \"{scope}\" answered {allowed.Status?.ToString() ?? "nothing"} instead of the resource.", allowed.Exchange,
                "system-level scopes SHALL give a backend client access to the data it is authorized for");
            return;
        }

        var refused = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, outOfScope, token, "backend-read-out-of-scope", Session.Stopping);
        Uses(refused.Exchange);
        if (refused.Status is not (401 or 403))
            Fail($"GET {outOfScope} with a backend token granted \"{scope}\" answered {refused.Status?.ToString() ?? "nothing"}; the scope does not cover that resource type.",
                refused.Exchange, "the resource server SHALL check that the backend token's scope covers the resource requested, and refuse it (403) otherwise");
    }

    [Test]
    [Check("BSV-06", "An expired backend access token is refused by the FHIR server",
        "SMART App Launch 2.2 Backend Services: access FHIR API", BackendSpec.AccessResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@265")]
    public async Task ExpiredBackendToken_IsRefused()
    {
        if (await BackendEvidence.PrerequisitesAsync(Skip) is not var (profile, tokenEndpoint)) return;
        if (BackendEvidence.Expiry(profile, tokenEndpoint) is not { } started)
        {
            Skip("The profile's backendServices lacks shortLivedClientId or inScopeRead, so no backend token can be watched expiring.");
            return;
        }
        var probe = await started;
        Uses(probe.Grant.Response.Exchange, probe.Before?.Exchange, probe.After?.Exchange);
        if (probe.NotRun is not null) { Skip($"The expiry probe did not run: {probe.NotRun}."); return; }
        if (probe.Before is not { IsSuccess: true })
        {
            Skip($"Prerequisite missing: the fresh short-lived backend token could not read {profile.InScopeRead} ({probe.Before?.Status?.ToString() ?? "no answer"}); BSV-05 reports reads with backend tokens.");
            return;
        }
        if (probe.After?.Status is not 401)
            Fail($"GET {profile.InScopeRead} with a backend token {probe.ExpiresIn} s after it was issued (expires_in {probe.ExpiresIn}, plus {Session.Profile.Policies.AccessTokenExpiry.SkewSeconds} s skew) answered {probe.After?.Status?.ToString() ?? "nothing"}.",
                probe.After?.Exchange, "the FHIR server SHALL refuse an expired backend access token with 401");
    }
}
