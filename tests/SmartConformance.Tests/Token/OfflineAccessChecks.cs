using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

[CheckGroup("Token endpoint")]
public sealed class OfflineAccessChecks : ConformanceFixture
{
    [Test]
    [Check("TOK-11", "offline_access asked by a client registered for it is granted with a refresh_token",
        "SMART App Launch 2.2 capabilities (permission-offline); refresh access token", OAuthSpec.Capabilities)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@365"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@101"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@89")]
    public async Task RegisteredClient_GetsARefreshToken()
    {
        if (OAuthEvidence.OfflineClient is not { } client) { Skip("No client in the profile is marked \"offlineAccess\": true."); return; }
        var launch = RequireLaunch(await OAuthEvidence.OfflineLaunch(), "AUTHZ-01", l => l.Token is { Response.IsError: false });
        var response = launch.Token!.Response;
        var requirement = $"offline_access asked by {client.ClientId}, which the profile marks as registered for offline access, is granted and answered with a refresh_token";
        if (!ScopeSet.Parse(response.Scope).Contains("offline_access"))
            Fail($"The server left offline_access out of the granted scope \"{response.Scope}\".", launch.Token.Exchange, requirement);
        else if (string.IsNullOrEmpty(response.RefreshToken))
            Fail("offline_access was granted but the token response carries no refresh_token.", launch.Token.Exchange, requirement);
    }

    [Test]
    [Check("TOK-13", "offline_access asked by a client not registered for it is refused or left out: no refresh_token",
        "SMART App Launch 2.2 refresh access token (eligibility for offline access)", OAuthSpec.Refresh)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@102"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@89")]
    public async Task UnregisteredClient_GetsNoRefreshToken()
    {
        if (OAuthEvidence.ClientNotRegisteredForOffline is not { } client) { Skip("No client in the profile is marked \"offlineAccess\": false."); return; }
        var launch = await OAuthEvidence.OfflineLaunchWithoutRegistration();
        RequireLaunch(launch, "AUTHZ-01", l => l.Redirect is not null || l.BrowserTraffic.Count > 0 && l.Problem is null);
        var requirement = $"{client.ClientId} is not registered for offline access (profile), so offline_access is refused or dropped and no refresh_token is issued";
        if (launch.Token is not { Response.IsError: false } token) return; // refused at the authorization endpoint or the exchange
        var granted = ScopeSet.Parse(token.Response.Scope);
        if (!string.IsNullOrEmpty(token.Response.RefreshToken))
            Fail($"{client.ClientId} got a refresh_token (granted scope \"{granted}\").", token.Exchange, requirement);
        else if (granted.Contains("offline_access"))
            Fail($"{client.ClientId} was granted offline_access (granted scope \"{granted}\").", token.Exchange, requirement);
    }
}
