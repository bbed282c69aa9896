using System.Text.Json;
using Duende.IdentityModel;
using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using static SmartConformance.Tests.Introspection.IntrospectionFields;

namespace SmartConformance.Tests.Introspection;

[CheckGroup("Token introspection")]
public sealed class IntrospectionChecks : ConformanceFixture
{
    [Test]
    [Check("INT-01", "Introspecting an active access token returns active:true with scope, client_id, exp and the launch context",
        "SMART App Launch 2.2 Token Introspection: required and conditional fields", TokenSpec.Introspection)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@271"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@272"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@273"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@274"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@275"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@277"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@278"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@279"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@280"),
     Requirement("RFC7662@2.2")]
    public async Task ActiveToken_IntrospectsWithSmartFields()
    {
        var endpoint = await TokenEvidence.AdvertisedEndpointAsync(Session, "introspection_endpoint");
        var launch = RequireLaunch(await TokenEvidence.ConfidentialLaunchAsync(Session), "TOK-01", l => l.AccessToken is not null);
        var client = TokenEvidence.ConfidentialClient(Session);
        var introspection = await OAuthFormPost.SendAsync(Session.Http, endpoint, "introspect-active-token", [new("token", await FreshTokenAsync(launch))], client, CancellationToken.None);
        var token = launch.Token!.Response.Json!.Value;
        const string requirement = "an authenticated introspection of an active access token answers 200 with active:true, scope and client_id as in the token response, exp (integer), every launch context parameter of the token response, and the id_token's iss and sub";
        if (introspection.Status != 200 || introspection.Json is not { } json)
        {
            Fail($"The introspection endpoint answered {introspection.Status?.ToString() ?? introspection.Problem} {(introspection.Json is null ? "without a JSON object" : "")} for an active token, authenticated as {client.ClientId}.", introspection.Exchange, requirement);
            return;
        }

        var problems = IntrospectionFields.RequiredProblems(json, token, client.ClientId);
        foreach (var field in new[] { "patient", "encounter", "fhirContext", "intent", "tenant", "need_patient_banner", "smart_style_url" })
            if (token.TryGetProperty(field, out var context) && (!json.TryGetProperty(field, out var echoed) || !JsonElement.DeepEquals(context, echoed)))
                problems.Add($"{field} is {Show(json, field)}, but the token response carried {context.GetRawText()}");
        var idToken = JwtPayload.Read(String(token, "id_token"));
        foreach (var claim in new[] { "iss", "sub" })
            if (idToken is { } id && String(id, claim) is { } value && String(json, claim) != value)
                problems.Add($"{claim} is {Show(json, claim)}, but the id_token's {claim} is \"{value}\"");
        if (problems.Count > 0)
        {
            Fail("The introspection response for an active token is incomplete: " + string.Join("; ", problems) + ".", introspection.Exchange, requirement);
            return;
        }
        if (idToken is { } identity && String(identity, "fhirUser") is { } fhirUser && String(json, "fhirUser") != fhirUser)
        {
            Uses(introspection.Exchange);
            Assert.Warn($"The introspection response's fhirUser is {Show(json, "fhirUser")}; SMART says it SHOULD echo the id_token's fhirUser \"{fhirUser}\".");
        }
    }

    [Test]
    [Check("INT-02", "Introspecting an invalid or revoked token returns 200 with active:false",
        "RFC 7662 §2.2 Introspection Response", TokenSpec.IntrospectionResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@271"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@272"), Requirement("RFC7662@2.2")]
    public async Task InactiveTokens_IntrospectAsInactive()
    {
        var endpoint = await TokenEvidence.AdvertisedEndpointAsync(Session, "introspection_endpoint");
        var client = TokenEvidence.ConfidentialClient(Session);
        var garbage = await OAuthFormPost.SendAsync(Session.Http, endpoint, "introspect-garbage-token",
            [new("token", "not-a-token-" + CryptoRandom.CreateUniqueId(16))], client, CancellationToken.None);
        var cases = new List<(string What, OAuthFormResponse Response)> { ("a made-up token", garbage) };
        if ((await Session.DiscoveryAsync()).Configuration?.Url("revocation_endpoint") is not null)
        {
            var probe = await TokenEvidence.RevocationProbeAsync(Session);
            Uses(probe.Launch.Token?.Exchange, probe.RevokeAccessToken?.Exchange);
            if (probe.IntrospectAfter is { } revoked && probe.RevokeAccessToken?.Status is >= 200 and < 300)
                cases.Add(("an access token just revoked at the revocation endpoint", revoked));
        }

        const string requirement = "an authenticated introspection of a token that is not active (unknown, expired or revoked) answers 200 with {\"active\": false}";
        foreach (var (what, response) in cases)
        {
            if (response.Status != 200 || response.Active != false)
            {
                Fail($"Introspecting {what} answered {response.Status?.ToString() ?? response.Problem} with active={(response.Json is { } j ? Show(j, "active") : "(no JSON object)")}.", response.Exchange, requirement);
                return;
            }
        }
        var extras = cases.Where(c => c.Response.Json!.Value.EnumerateObject().Any(p => p.Name != "active")).ToList();
        if (extras.Count > 0)
        {
            Uses(extras[0].Response.Exchange);
            Assert.Warn($"Introspecting {extras[0].What} returned more than active:false ({extras[0].Response.Json!.Value.GetRawText()}); RFC 7662 §2.2 says the response SHOULD NOT include other information about an inactive token.");
        }
    }

    [Test]
    [Check("INT-03", "Introspection without client authentication is refused with 401",
        "RFC 7662 §2.1 Introspection Request; SMART App Launch 2.2 authorization to perform token introspection", TokenSpec.IntrospectionAuthorization)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@281"), Requirement("RFC7662@2.1"), Requirement("RFC7662@4")]
    public async Task UnauthenticatedIntrospection_IsRefused()
    {
        var endpoint = await TokenEvidence.AdvertisedEndpointAsync(Session, "introspection_endpoint");
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        var response = await OAuthFormPost.SendAsync(Session.Http, endpoint, "introspect-unauthenticated", [new("token", await FreshTokenAsync(launch))], client: null, CancellationToken.None);
        const string requirement = "the introspection endpoint requires the caller to authenticate (RFC 7662 §2.1, to prevent token scanning) and answers an unauthenticated call with 401";
        switch (response.Status)
        {
            case 401:
                return;
            case >= 200 and < 300 when response.Active == false && response.Json!.Value.EnumerateObject().Count() == 1:
                Uses(response.Exchange);
                Assert.Warn("The introspection endpoint answered an unauthenticated call with 200 {\"active\": false} for an active token. Nothing leaked, but RFC 7662 §2.1 expects the caller to be refused with 401.");
                return;
            case >= 200 and < 300:
                Fail("The introspection endpoint told a caller without any credentials about an active access token.", response.Exchange, requirement);
                return;
            case 400 or 403:
                Uses(response.Exchange);
                Assert.Warn($"The introspection endpoint refused an unauthenticated call with {response.Status}; RFC 7662 §2.1 and RFC 6749 §5.2 (invalid_client) call for 401.");
                return;
            default:
                Fail($"The introspection endpoint answered an unauthenticated call with {response.Status?.ToString() ?? response.Problem}.", response.Exchange, requirement);
                return;
        }
    }
}
