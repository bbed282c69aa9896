using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Refresh;

[CheckGroup("Refresh")]
public sealed class RefreshTokenChecks : ConformanceFixture
{
    [Test]
    [Check("REF-01", "A refresh returns a working access token with token_type, expires_in and a scope within the original grant",
        "SMART App Launch 2.2 App Launch: refresh access token response", OAuthSpec.RefreshResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@109"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@110"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@111"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@112"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@113"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@114"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@104"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@118")]
    public async Task Refresh_ReturnsAWorkingToken()
    {
        var chain = await RequireChainAsync();
        var plain = chain.Plain!;
        Uses(plain.Exchange, chain.PlainRead?.Exchange);
        const string requirement = "a refresh without scope answers 200 with access_token, token_type Bearer, expires_in and scope (the same scope as the original grant, or less), any launch context it repeats is the launch's own, and the new token reads FHIR";
        if (plain.Response.IsError) { Fail($"Refreshing with the launch's refresh token was answered with {OAuthEvidence.Describe(plain)}.", plain.Exchange, requirement); return; }
        var response = plain.Response;
        var problems = new List<string>();
        if (string.IsNullOrEmpty(response.AccessToken)) problems.Add("access_token is missing");
        if (!string.Equals(response.TokenType, "Bearer", StringComparison.OrdinalIgnoreCase)) problems.Add($"token_type is \"{response.TokenType ?? "(missing)"}\", expected Bearer");
        if (response.ExpiresIn <= 0) problems.Add("expires_in is missing or not positive");
        if (string.IsNullOrEmpty(response.Scope)) problems.Add("scope is missing");
        else if (ScopeSet.Parse(response.Scope).Beyond(ScopeSet.Parse(chain.OriginalScope)) is { Count: > 0 } beyond)
            problems.Add($"scope adds {string.Join(", ", beyond)} beyond the original grant \"{chain.OriginalScope}\"");
        // Launch context in a refresh response is optional (SMART App Launch 2.2 #response-7), but when present it is the launch's own.
        foreach (var field in new[] { "patient", "encounter" })
            if (response.TryGet(field) is { } refreshed && chain.Launch.Token?.Response.TryGet(field) is { } original && refreshed != original)
                problems.Add($"{field} is \"{refreshed}\" but the launch's context was \"{original}\"");
        if (problems.Count > 0) { Fail("The refresh response is not conformant: " + string.Join("; ", problems) + ".", plain.Exchange, requirement); return; }
        if (chain.PlainRead is { } read && read.Status != 200)
            Fail($"The refreshed access token could not read {read.Exchange?.Url}: {read.Status?.ToString() ?? "no answer"}.", read.Exchange, requirement);
    }

    [Test]
    [Check("REF-02", "A refresh asking for a narrower scope is granted that narrower scope, or less",
        "RFC 6749 §6; SMART App Launch 2.2 refresh access token", OAuthSpec.RefreshRequest)]
    [Requirement("RFC6749@6"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@104"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@115")]
    public async Task NarrowerRefresh_IsGranted()
    {
        var chain = await RequireChainAsync();
        if (chain.Narrower is not { } call) { Skip($"The original grant \"{chain.OriginalScope}\" has nothing that can be left out."); return; }
        Uses(call.Exchange);
        var requirement = $"a refresh may ask for part of the original grant (\"{chain.NarrowerScope}\") and gets at most that";
        if (call.Response.IsError) { Fail($"Refreshing with the narrower scope \"{chain.NarrowerScope}\" was answered with {OAuthEvidence.Describe(call)}.", call.Exchange, requirement); return; }
        if (string.IsNullOrEmpty(call.Response.Scope)) { Fail("The narrowed refresh response has no scope (SMART requires it in every refresh response).", call.Exchange, requirement); return; }
        var beyond = ScopeSet.Parse(call.Response.Scope).Beyond(ScopeSet.Parse(chain.NarrowerScope));
        if (beyond.Count > 0)
            Fail($"Asked for \"{chain.NarrowerScope}\", the refresh granted \"{call.Response.Scope}\", adding {string.Join(", ", beyond)}.", call.Exchange, requirement);
    }

    [Test]
    [Check("REF-03", "A refresh asking for more than the original grant is refused with invalid_scope",
        "RFC 6749 §6 and §5.2", OAuthSpec.RefreshRequest)]
    [Requirement("RFC6749@6"), Requirement("RFC6749@5.2"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@103")]
    public async Task BroaderRefresh_IsInvalidScope()
    {
        var chain = await RequireChainAsync();
        var call = chain.Broader!;
        Uses(call.Exchange);
        var requirement = $"a refresh may not ask for scope beyond the original grant (\"{chain.OriginalScope}\"); asking \"{chain.BroaderScope}\" is refused with error=invalid_scope";
        if (!call.Response.IsError)
            Fail($"Asked for \"{chain.BroaderScope}\", the refresh was granted \"{call.Response.Scope}\".", call.Exchange, requirement);
        else if (OAuthEvidence.ErrorOf(call) != "invalid_scope")
            Fail($"The broader refresh was refused with {OAuthEvidence.Describe(call)}, not error=invalid_scope.", call.Exchange, requirement);
    }

    [Test]
    [Check("REF-04", "A refresh with an invalid refresh token is refused with 400 invalid_grant",
        "RFC 6749 §5.2", OAuthSpec.TokenError)]
    [Requirement("RFC6749@5.2")]
    public async Task InvalidRefreshToken_IsInvalidGrant()
    {
        if (OAuthEvidence.OfflineClient is not { } client) { Skip("No client in the profile is marked \"offlineAccess\": true."); return; }
        var discovery = await Session.DiscoveryAsync();
        if (discovery.Configuration?.TokenEndpoint is not { } tokenEndpoint) { Skip("No token_endpoint in the discovery document; DISC-02 reports it."); return; }
        var call = await Session.Tokens.RefreshAsync(tokenEndpoint, client, "smartconformance-not-a-refresh-token", null, CancellationToken.None);
        const string requirement = "an invalid, expired or revoked refresh token is refused with 400 error=invalid_grant";
        if (!call.Response.IsError)
            Fail("A made-up refresh token was answered with tokens.", call.Exchange, requirement);
        else if (OAuthEvidence.ErrorOf(call) != "invalid_grant" || call.Exchange?.Status != 400)
            Fail($"A made-up refresh token was answered with {OAuthEvidence.Describe(call)}, not 400 error=invalid_grant.", call.Exchange, requirement);
    }

    [Test]
    [Check("REF-05", "A confidential client must authenticate to refresh: the same request without its credentials is refused",
        "SMART App Launch 2.2 refresh access token; RFC 6749 §6", OAuthSpec.Refresh)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@103"), Requirement("RFC6749@6")]
    public async Task Refresh_RequiresClientAuthentication()
    {
        var chain = await RequireChainAsync();
        if (chain.WithoutCredentials is not { } call) { Skip("The client registered for offline access is public: it has no credentials to leave out."); return; }
        Uses(call.Exchange);
        if (!call.Response.IsError)
            Fail("A refresh by a confidential client that sent only its client_id (no secret) was answered with tokens.", call.Exchange,
                "RFC 6749 §6: a confidential client authenticates to the token endpoint when refreshing (expected error=invalid_client)");
    }

    [Test]
    [Check("REF-06", "A rotated refresh token stops working once it has been used (as the profile's rotation policy declares)",
        "RFC 9700 §4.14.2 (refresh token rotation)", OAuthSpec.RefreshRotation)]
    [Requirement("RFC9700@4.14.2"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@116")]
    public async Task RotatedRefreshToken_IsDead()
    {
        var chain = await RequireChainAsync();
        var policy = Session.Profile.Policies.RefreshTokenRotation;
        var plain = chain.Plain!;
        Uses(plain.Exchange, chain.Replay?.Exchange);
        if (plain.Response.IsError) { Skip("The refresh itself failed; REF-01 reports it."); return; }
        const string requirement = "when a refresh answers with a new refresh token, the one it replaced no longer works (RFC 9700 §4.14.2)";
        if (chain.Replay is not { } replay)
        {
            if (policy == "rotate")
                Fail("The profile declares refresh token rotation, but the refresh answered with no new refresh token.", plain.Exchange, requirement);
            return;
        }
        if (replay.Response.IsError)
        {
            if (policy == "reuse")
                Fail("The profile declares that refresh tokens stay valid, but the server rotated: the used refresh token was refused.", replay.Exchange, requirement);
            return;
        }
        if (policy == "rotate")
            Fail("The refresh handed out a new refresh token, yet the one it replaced still works.", replay.Exchange, requirement);
        else if (policy == "either")
        {
            Assert.Warn("The refresh handed out a new refresh token, yet the one it replaced still works; RFC 9700 advises that a used refresh token be invalidated.");
        }
    }

    private static async Task<RefreshChain> RequireChainAsync()
    {
        if (OAuthEvidence.OfflineClient is null) Skip("No client in the profile is marked \"offlineAccess\": true.");
        var chain = await OAuthEvidence.Refreshes();
        RequireLaunch(chain.Launch, "TOK-11", l => l.Token is { Response.IsError: false });
        if (chain.Problem is not null) Skip($"Prerequisite missing: {chain.Problem}; TOK-11 reports it.");
        return chain;
    }
}
