using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Scopes;

[CheckGroup("Scopes")]
public sealed class GrantedScopeChecks : ConformanceFixture
{
    [Test]
    [Check("SCOPE-08", "The granted scope is within the requested scope, compared by meaning (v1 .read = v2 .rs = .r + .s)",
        "SMART App Launch 2.2 App Launch: access token response (scope)", Spec.TokenResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@78"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@79"), Requirement("RFC6749@3.3")]
    public async Task GrantedScope_IsWithinTheRequest()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var asked = ScopeSet.Parse(launch.Request!.Scope);
        var granted = ScopeSet.Parse(launch.Token!.Response.Scope);
        if (granted.Scopes.Count == 0) { Skip("The token response has no scope; TOK-01 reports it."); return; }
        var beyond = granted.Beyond(asked);
        if (beyond.Count > 0)
            Fail($"The server granted more than the app asked for: {string.Join(", ", beyond)} (asked \"{asked}\", granted \"{granted}\").",
                launch.Token.Exchange, "the granted scope may be narrower than the request, never broader");
    }

    [Test]
    [Check("SCOPE-09", "openid and fhirUser are granted, with an id_token, when sso-openid-connect is advertised",
        "SMART App Launch 2.2 scopes for requesting identity data", OAuthSpec.IdentityScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@200"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@209"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@358")]
    public async Task OpenIdFhirUser_AreGrantedWithAnIdToken()
    {
        var discovery = await Session.DiscoveryAsync();
        if (discovery.Configuration is not { } configuration) { Skip("No discovery document; DISC-01 reports it."); return; }
        if (!configuration.Capabilities.Contains("sso-openid-connect")) { Skip("The server does not advertise sso-openid-connect."); return; }
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var asked = ScopeSet.Parse(launch.Request!.Scope);
        if (!asked.Contains("openid") || !asked.Contains("fhirUser"))
        {
            Skip("The profile's standalone launch does not ask for openid fhirUser; add them to launches.standalonePatient.scope.");
            return;
        }
        var response = launch.Token!.Response;
        var granted = ScopeSet.Parse(response.Scope);
        var requirement = "a server advertising sso-openid-connect grants openid fhirUser and returns an id_token beside the access token";
        var missing = new[] { "openid", "fhirUser" }.Where(s => !granted.Contains(s)).ToList();
        if (missing.Count > 0)
            Fail($"The granted scope \"{granted}\" leaves out {string.Join(" and ", missing)}.", launch.Token.Exchange, requirement);
        else if (string.IsNullOrEmpty(response.IdentityToken))
            Fail("openid fhirUser were granted but the token response carries no id_token.", launch.Token.Exchange, requirement);
    }
}
