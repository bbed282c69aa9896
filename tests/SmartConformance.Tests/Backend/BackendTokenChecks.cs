using System.Text.Json;
using NUnit.Framework;
using SmartConformance.Harness.Backend;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Backend;

[CheckGroup("Backend services")]
public sealed class BackendTokenChecks : ConformanceFixture
{
    [Test]
    [Check("BSV-01", "client_credentials with an RS384 or ES384 client assertion gets an access token, token_type bearer, expires_in and scope",
        "SMART App Launch 2.2 Backend Services: issue access token", BackendSpec.IssueAccessToken)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@253"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@254"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@255"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@256"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@258"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@310"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@326"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@357"),
     Requirement("RFC7523@2.2")]
    public async Task ClientCredentials_WithEachKey_IssuesAToken()
    {
        if (await BackendEvidence.PrerequisitesAsync(Skip) is not var (profile, tokenEndpoint)) return;
        var grants = await BackendEvidence.Grants(profile, tokenEndpoint);
        Uses(grants.Grants.Select(g => g.Response.Exchange).ToArray());
        const string requirement = "a valid client_credentials request authenticated with a client assertion signed by a registered RS384 or ES384 key SHALL get 200 with access_token, token_type \"bearer\", expires_in and scope";
        foreach (var grant in grants.Grants)
        {
            var sent = $"A client_credentials request with an {grant.Algorithm} client assertion (kid {grant.KeyId})";
            if (grant.Response.Status is not 200)
            {
                Fail($"{sent} answered {grant.Response.Status?.ToString() ?? $"nothing ({grant.Response.Problem})"}{ErrorOf(grant.Response)} instead of 200.", grant.Response.Exchange, requirement);
                return;
            }
            var missing = new List<string>();
            if (grant.AccessToken is null) missing.Add("access_token");
            if (grant.Member("token_type") is not { ValueKind: JsonValueKind.String } type || !type.GetString()!.Equals("bearer", StringComparison.OrdinalIgnoreCase))
                missing.Add($"token_type \"bearer\" (got {grant.Member("token_type")?.GetRawText() ?? "none"})");
            if (grant.ExpiresIn is not > 0) missing.Add("a positive numeric expires_in");
            if (grant.Member("scope") is not { ValueKind: JsonValueKind.String }) missing.Add("scope");
            if (missing.Count > 0)
            {
                Fail($"{sent} got 200, but the response lacks {string.Join(", ", missing)}.", grant.Response.Exchange, requirement);
                return;
            }
        }
    }

    [Test]
    [Check("BSV-03", "A backend token request with an unknown grant_type or client_assertion_type gets the RFC 6749 §5.2 error, explained by error_description or error_uri (a warning when neither)",
        "SMART App Launch 2.2 Backend Services: issue access token (errors)", BackendSpec.TokenError)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@251"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@252"), Requirement("RFC6749@5.2")]
    public async Task UnknownGrantOrAssertionType_IsRefusedProperly()
    {
        if (await BackendEvidence.PrerequisitesAsync(Skip) is not var (profile, tokenEndpoint)) return;
        var key = profile.Keys[0];
        var badGrant = await BackendTokenRequest.SendAsync(Session.Http, tokenEndpoint, "backend-unknown-grant-type", profile.Scope,
            ClientAssertion.Create(key, profile.ClientId, tokenEndpoint), Session.Stopping, grantType: "urn:smartconformance:unknown-grant");
        Uses(badGrant.Exchange);
        if (badGrant.Status is not 400 || badGrant.Error != "unsupported_grant_type")
        {
            Fail($"A token request with grant_type \"urn:smartconformance:unknown-grant\" (and a valid client assertion) answered {badGrant.Status?.ToString() ?? "nothing"}{ErrorOf(badGrant)}.",
                badGrant.Exchange, "an unsupported grant type SHALL get 400 with error \"unsupported_grant_type\" (RFC 6749 §5.2)");
            return;
        }

        var badType = await BackendTokenRequest.SendAsync(Session.Http, tokenEndpoint, "backend-unknown-assertion-type", profile.Scope,
            ClientAssertion.Create(key, profile.ClientId, tokenEndpoint), Session.Stopping, assertionType: "urn:smartconformance:unknown-assertion-type");
        Uses(badType.Exchange);
        if (badType.Status is not (400 or 401) || badType.Error is not ("invalid_client" or "invalid_request"))
        {
            Fail($"A client_credentials request with client_assertion_type \"urn:smartconformance:unknown-assertion-type\" answered {badType.Status?.ToString() ?? "nothing"}{ErrorOf(badType)}.",
                badType.Exchange, "a client assertion of an unsupported type SHALL be refused with 400 or 401 and error \"invalid_client\" (or \"invalid_request\"), as RFC 6749 §5.2 and RFC 7521 §4.2.1 describe");
            return;
        }

        var unexplained = new[] { (What: "unknown grant_type", Response: badGrant), (What: "unknown client_assertion_type", Response: badType) }
            .Where(e => string.IsNullOrEmpty(e.Response.StringMember("error_description")) && string.IsNullOrEmpty(e.Response.StringMember("error_uri")))
            .Select(e => $"the {e.What} (error \"{e.Response.Error}\")").ToList();
        if (unexplained.Count > 0)
            Assert.Warn($"The refusals of {string.Join(" and of ", unexplained)} carry neither error_description nor error_uri. SMART Backend Services says a " +
                        $"token error SHOULD include one of them, so the client's developer can see why it was refused. See {BackendSpec.IssueAccessToken}");
    }

    [Test]
    [Check("BSV-04", "A backend scope beyond the client's pre-authorization is refused (invalid_scope) or left out of the grant; no refresh token (SHOULD NOT: a warning)",
        "SMART App Launch 2.2 Backend Services: scopes, evaluate requested access", BackendSpec.Scopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@240"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@241"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@248"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@250"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@259"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@260"),
     Requirement("RFC6749@4.4.3")]
    public async Task ScopeBeyondPreAuthorization_IsNotGranted()
    {
        if (await BackendEvidence.PrerequisitesAsync(Skip) is not var (profile, tokenEndpoint)) return;
        var grants = await BackendEvidence.Grants(profile, tokenEndpoint);
        if (profile.ScopeBeyondPreAuthorization is not { } beyond)
        {
            Skip("The profile's backendServices has no scopeBeyondPreAuthorization to ask for.");
            return;
        }
        var scope = $"{profile.Scope} {beyond}";
        var response = await BackendTokenRequest.SendAsync(Session.Http, tokenEndpoint, "backend-scope-beyond-preauthorization", scope,
            ClientAssertion.Create(profile.Keys[0], profile.ClientId, tokenEndpoint), Session.Stopping);
        Uses(response.Exchange);
        var requirement = $"a backend client SHALL get no more than its pre-authorized access: \"{beyond}\" is outside it, so the request is refused with invalid_scope or the granted scope leaves it out";
        if (response.Status is 400 && response.Error == "invalid_scope")
        {
            // Refused outright: nothing was granted beyond the pre-authorization.
        }
        else if (response.Status is not 200)
        {
            Fail($"Asking for \"{scope}\" answered {response.Status?.ToString() ?? "nothing"}{ErrorOf(response)}, neither a narrowed grant nor invalid_scope.", response.Exchange, requirement);
            return;
        }
        else
        {
            var granted = ScopeSet.Parse(response.StringMember("scope") ?? "");
            var requested = ScopeSet.Parse(scope);
            var extra = granted.Scopes.Where(s => !requested.Contains(s) || s == beyond).ToList();
            if (extra.Count > 0)
            {
                Fail($"Asking for \"{scope}\" was granted \"{response.StringMember("scope")}\", which includes {string.Join(", ", extra)}, beyond the pre-authorization or the request.",
                    response.Exchange, requirement);
                return;
            }
        }

        var withRefresh = grants.Grants.Select(g => g.Response).Append(response).FirstOrDefault(r => r.StringMember("refresh_token") is not null);
        if (withRefresh is not null)
        {
            Uses(withRefresh.Exchange);
            Assert.Warn($"A client_credentials token response carries a refresh_token; SMART Backend Services says the server SHOULD NOT issue refresh tokens to backend clients (they get a fresh access token with a new assertion). See {BackendSpec.EnforceAuthorization}");
        }
    }

    [Test]
    [Check("EXP-02", "Backend access tokens are short-lived: expires_in at most 300 seconds (SHOULD NOT exceed: a warning)",
        "SMART App Launch 2.2 Backend Services: issue access token", BackendSpec.IssueAccessToken)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@257"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@261"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@262")]
    public async Task BackendExpiresIn_IsAtMostFiveMinutes()
    {
        if (await BackendEvidence.PrerequisitesAsync(Skip) is not var (profile, tokenEndpoint)) return;
        var grants = await BackendEvidence.Grants(profile, tokenEndpoint);
        if (grants.Issued is not { ExpiresIn: { } expiresIn } grant)
        {
            Skip("Prerequisite missing: no backend token response with expires_in; BSV-01 reports why.");
            return;
        }
        Uses(grant.Response.Exchange);
        if (expiresIn > 300)
            Assert.Warn($"The backend access token's expires_in is {expiresIn} s; SMART Backend Services says it SHOULD NOT exceed 300 s (five minutes). See {BackendSpec.IssueAccessToken}");
    }

    internal static string ErrorOf(OAuthFormResponse response) =>
        response.Error is { } error ? $" with error \"{error}\"" : response.Json is null ? " without a JSON error body" : " without an error member";
}
