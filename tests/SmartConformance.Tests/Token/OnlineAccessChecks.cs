using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

[CheckGroup("Token endpoint")]
public sealed class OnlineAccessChecks : ConformanceFixture
{
    private const string Capability = "permission-online";

    [Test]
    [Check("TOK-14", "With permission-online, online_access is granted with a refresh_token that refreshes while the user is signed in",
        "SMART App Launch 2.2 capabilities (permission-online); refresh access token", OAuthSpec.Capabilities)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@366"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@100"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@81")]
    public async Task OnlineAccess_YieldsAWorkingRefreshToken()
    {
        if (!await Advertised()) { Skip($"The discovery document does not advertise {Capability}."); return; }
        var probe = await Probe();
        var launch = RequireLaunch(probe.Launch, "AUTHZ-01", l => l.Token is { Response.IsError: false });
        var response = launch.Token!.Response;
        var requirement = "a server advertising permission-online grants online_access with a refresh_token, and that refresh token gets new access tokens while the user stays signed in";
        if (!ScopeSet.Parse(response.Scope).Contains("online_access"))
            Fail($"The server left online_access out of the granted scope \"{response.Scope}\".", launch.Token.Exchange, requirement);
        else if (string.IsNullOrEmpty(response.RefreshToken))
            Fail("online_access was granted but the token response carries no refresh_token.", launch.Token.Exchange, requirement);
        else if (probe.RefreshWhileSignedIn is { } refresh)
        {
            Uses(refresh.Exchange);
            if (refresh.Response.IsError || string.IsNullOrEmpty(refresh.Response.AccessToken))
                Fail($"Refreshing with the online_access refresh token while the user is still signed in answered {OAuthEvidence.Describe(refresh)}.", refresh.Exchange, requirement);
        }
    }

    [Test]
    [Check("REF-07", "An online_access refresh token stops working once the user's session ends (logout): invalid_grant",
        "SMART App Launch 2.2 refresh access token; scopes for requesting a refresh token (online_access)", OAuthSpec.Refresh)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@100")]
    public async Task OnlineRefreshToken_EndsWithTheSession()
    {
        if (!await Advertised()) { Skip($"The discovery document does not advertise {Capability}."); return; }
        if (Session.Profile.Sessions?.LogoutUrl is null) { Skip("The profile has no sessions.logoutUrl, so the suite cannot end the user's session."); return; }
        var probe = await Probe();
        RequireLaunch(probe.Launch, "AUTHZ-01", l => l.Token is { Response.IsError: false });
        if (probe.LogoutUrl is null) throw new HarnessException($"sessions.logoutUrl \"{Session.Profile.Sessions.LogoutUrl}\" does not resolve to an absolute URL.");
        if (probe.RefreshWhileSignedIn is not { Response.IsError: false })
        {
            Skip("The online_access launch gave no refresh token that refreshes while signed in; TOK-14 reports it.");
            return;
        }
        Uses(probe.RefreshWhileSignedIn.Exchange, probe.Logout);
        if (probe.LogoutStatus is not (>= 200 and < 400))
            throw new HarnessException($"Opening the logout page {probe.LogoutUrl} in the launch's browser answered {probe.LogoutStatus}; the suite cannot tell whether the session ended.");
        if (probe.RefreshAfterLogout is not { } after) throw new HarnessException("The refresh after logout was not attempted.");
        Uses(after.Exchange);
        var requirement = "online access lasts while the user is online: once the user's session has ended, the online_access refresh token is refused with 400 invalid_grant";
        if (!after.Response.IsError)
            Fail($"After the user logged out ({probe.LogoutUrl}), the online_access refresh token still refreshed ({OAuthEvidence.Describe(after)}).", after.Exchange, requirement);
        else if (after.Exchange?.Status != 400 || OAuthEvidence.ErrorOf(after) != "invalid_grant")
            Fail($"After the user logged out, the online_access refresh was refused with {OAuthEvidence.Describe(after)} instead of 400 invalid_grant.", after.Exchange, requirement);
    }

    private static async Task<bool> Advertised() =>
        (await Session.DiscoveryAsync()).Configuration?.Capabilities.Contains(Capability) == true;

    // Shared evidence belongs to no check: each check that uses it attaches it (see OAuthEvidence).
    private static Task<OnlineAccessProbe> Probe() => Session.Shared("online-access", session => session.StartDetached(() =>
    {
        var standalone = session.Profile.Launches.StandalonePatient;
        var client = session.Profile.Sessions?.Client ?? standalone.Client;
        var scope = string.Join(' ', standalone.Scope.Split(' ').Where(s => s != "offline_access").Append("online_access").Distinct());
        var logout = session.Profile.Sessions?.LogoutUrl is { } template ? OnlineAccessProbe.ResolveLogoutUrl(template, session.FhirBaseUrl) : null;
        return OnlineAccessProbe.RunAsync(session, "online-access", standalone with { Client = client, Scope = scope }, logout, CancellationToken.None);
    }));
}
