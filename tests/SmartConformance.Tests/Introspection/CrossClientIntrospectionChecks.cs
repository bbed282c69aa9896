using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Introspection;

[CheckGroup("Token introspection")]
public sealed class CrossClientIntrospectionChecks : ConformanceFixture
{
    [Test]
    [Check("INT-04", "An authorized introspection caller can introspect an access token issued to another client",
        "SMART App Launch 2.2 Token Introspection: authorization to perform token introspection", Spec.Smart + "token-introspection.html#authorization-to-perform-token-introspection")]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@283")]
    public async Task TokensOfAnyClient_CanBeIntrospected()
    {
        var endpoint = await TokenEvidence.AdvertisedEndpointAsync(Session, "introspection_endpoint");
        var caller = TokenEvidence.ConfidentialClient(Session);
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        var issuedTo = launch.Request!.ClientId;
        if (issuedTo == caller.ClientId)
        {
            Skip($"The standalone launch and the introspecting client are both {issuedTo}; give launches.standalonePatient another client than launches.confidential.");
            return;
        }
        var response = await OAuthFormPost.SendAsync(Session.Http, endpoint, "introspect-other-client-token", [new("token", await FreshTokenAsync(launch))], caller, CancellationToken.None);
        if (response.Status != 200 || response.Active != true)
            Fail($"{caller.ClientId} introspected an active access token issued to {issuedTo} and got {response.Status?.ToString() ?? response.Problem} with active={(response.Json is { } json && json.TryGetProperty("active", out var active) ? active.GetRawText() : "missing")}.",
                response.Exchange, "a client authorized to introspect can introspect tokens issued to any client, and an active one answers active:true");
        else
            Uses(response.Exchange);
    }
}
