using Duende.IdentityModel;
using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

/// <summary>How the token endpoint treats authorization codes: once only, for their own client, redirect URI and verifier.</summary>
[CheckGroup("Token endpoint")]
public sealed class AuthorizationCodeChecks : ConformanceFixture
{
    private static readonly string[] Purposes = ["reuse", "other-client", "other-redirect", "wrong-verifier", "no-verifier"];

    [Test]
    [Check("TOK-03", "An authorization code works once: redeeming it again is refused with invalid_grant",
        "RFC 6749 §4.1.2 and §10.5", OAuthSpec.TokenError)]
    [Requirement("RFC6749@4.1.2"), Requirement("RFC6749@10.5"), Requirement("RFC6749@5.2")]
    public async Task Code_IsSingleUse()
    {
        var (attempt, code, tokenEndpoint) = await SpareAsync("reuse");
        var client = OAuthEvidence.StandaloneClient;
        var first = await Session.Tokens.ExchangeCodeAsync(tokenEndpoint, client, code, attempt.Request!.RedirectUri, attempt.Request.Pkce?.Verifier, CancellationToken.None);
        if (first.Response.IsError) { Skip($"The first redemption of the code already failed ({OAuthEvidence.Describe(first)}); TOK-01 reports code exchanges."); return; }
        var second = await Session.Tokens.ExchangeCodeAsync(tokenEndpoint, client, code, attempt.Request.RedirectUri, attempt.Request.Pkce?.Verifier, CancellationToken.None);
        RequireInvalidGrant(second, "The same code, redeemed a second time with the same parameters,",
            "a code may be redeemed once; a second redemption is refused with 400 error=invalid_grant");
    }

    [Test]
    [Check("TOK-04", "An authorization code is bound to its client and redirect_uri: another client or another redirect_uri is refused",
        "RFC 6749 §4.1.3", OAuthSpec.TokenRequest)]
    [Requirement("RFC6749@4.1.3"), Requirement("RFC6749@5.2")]
    public async Task Code_IsBoundToClientAndRedirectUri()
    {
        var owner = OAuthEvidence.StandaloneClient;
        var other = Session.Profile.Clients.FirstOrDefault(c => c.ClientId != owner.ClientId);
        const string requirement = "the token endpoint redeems a code only for the client it was issued to and with the redirect_uri of the authorization request; anything else is refused (invalid_grant)";

        var (byClient, clientCode, tokenEndpoint) = await SpareAsync("other-client");
        if (other is not null)
        {
            var call = await Session.Tokens.ExchangeCodeAsync(tokenEndpoint, other, clientCode, byClient.Request!.RedirectUri, byClient.Request.Pkce?.Verifier, CancellationToken.None);
            if (!call.Response.IsError)
                Fail($"A code issued to {owner.ClientId} was redeemed by {other.ClientId} ({OAuthEvidence.Describe(call)}).", call.Exchange, requirement);
        }

        var (byRedirect, redirectCode, _) = await SpareAsync("other-redirect");
        var elsewhere = byRedirect.Request!.RedirectUri.TrimEnd('/') + "/elsewhere";
        var moved = await Session.Tokens.ExchangeCodeAsync(tokenEndpoint, owner, redirectCode, elsewhere, byRedirect.Request.Pkce?.Verifier, CancellationToken.None);
        if (!moved.Response.IsError)
            Fail($"A code requested with redirect_uri {byRedirect.Request.RedirectUri} was redeemed with redirect_uri {elsewhere} ({OAuthEvidence.Describe(moved)}).", moved.Exchange, requirement);
        if (other is null) Skip("The redirect_uri binding holds; the client binding was not tested because the profile lists a single client.");
    }

    [Test]
    [Check("TOK-06", "An unknown authorization code is refused with 400 invalid_grant",
        "RFC 6749 §5.2", OAuthSpec.TokenError)]
    [Requirement("RFC6749@5.2"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@31")]
    public async Task UnknownCode_IsInvalidGrant()
    {
        var tokenEndpoint = await TokenEndpointAsync();
        var call = await Session.Tokens.ExchangeCodeAsync(tokenEndpoint, OAuthEvidence.StandaloneClient, CryptoRandom.CreateUniqueId(32),
            Session.RedirectUri, Pkce.NewS256().Verifier, CancellationToken.None);
        RequireInvalidGrant(call, "A code the server never issued", "an invalid, expired or unknown code is refused with 400 error=invalid_grant");
    }

    [Test]
    [Check("PKCE-03", "A code redeemed with the wrong code_verifier is refused with invalid_grant",
        "RFC 7636 §4.6; SMART App Launch 2.2 PKCE", OAuthSpec.PkceVerification)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@31"), Requirement("RFC7636@4.6")]
    public async Task WrongVerifier_IsInvalidGrant()
    {
        var (attempt, code, tokenEndpoint) = await SpareAsync("wrong-verifier");
        var call = await Session.Tokens.ExchangeCodeAsync(tokenEndpoint, OAuthEvidence.StandaloneClient, code, attempt.Request!.RedirectUri,
            Pkce.NewS256().Verifier, CancellationToken.None);
        RequireInvalidGrant(call, "A valid code with a code_verifier that does not match its S256 challenge",
            "the server checks that the code_verifier hashes to the code_challenge and otherwise refuses with 400 error=invalid_grant");
    }

    [Test]
    [Check("PKCE-02", "A code issued with a PKCE challenge is refused when redeemed without a code_verifier",
        "SMART App Launch 2.2 App Launch: token request (code_verifier); RFC 7636 §4.5", OAuthSpec.PkceVerification)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@31")]
    public async Task MissingVerifier_IsRefused()
    {
        var (attempt, code, tokenEndpoint) = await SpareAsync("no-verifier");
        var call = await Session.Tokens.ExchangeCodeAsync(tokenEndpoint, OAuthEvidence.StandaloneClient, code, attempt.Request!.RedirectUri,
            null, CancellationToken.None);
        const string requirement = "a code issued for a code_challenge is only exchanged together with the matching code_verifier; without one the token request is refused with 400 (invalid_grant, or invalid_request for the missing parameter)";
        if (!call.Response.IsError)
            Fail("A valid code redeemed without a code_verifier was accepted: the server issued tokens.", call.Exchange, requirement);
        else if (call.Exchange?.Status != 400 || OAuthEvidence.ErrorOf(call) is not ("invalid_grant" or "invalid_request"))
            Fail($"A valid code redeemed without a code_verifier was refused with {OAuthEvidence.Describe(call)}, not 400 error=invalid_grant or invalid_request.", call.Exchange, requirement);
    }

    private static void RequireInvalidGrant(TokenCall call, string what, string requirement)
    {
        if (!call.Response.IsError)
            Fail($"{what} was accepted: the server issued tokens.", call.Exchange, requirement);
        else if (OAuthEvidence.ErrorOf(call) != "invalid_grant" || call.Exchange?.Status != 400)
            Fail($"{what} was refused with {OAuthEvidence.Describe(call)}, not 400 error=invalid_grant.", call.Exchange, requirement);
    }

    private static async Task<(CodeAttempt Attempt, string Code, Uri TokenEndpoint)> SpareAsync(string purpose)
    {
        // The codes are independent: the first check to need one fetches them all side by side.
        foreach (var each in Purposes) _ = OAuthEvidence.SpareCode(each);
        var attempt = await OAuthEvidence.SpareCode(purpose);
        RequireLaunch(attempt.ToLaunch(), "AUTHZ-01", l => l.Redirect?.Code is { Length: > 0 });
        return (attempt, attempt.Code!, await TokenEndpointAsync());
    }

    private static async Task<Uri> TokenEndpointAsync()
    {
        var discovery = await Session.DiscoveryAsync();
        if (discovery.Configuration?.TokenEndpoint is { } endpoint) return endpoint;
        Skip("No token_endpoint in the discovery document; DISC-02 reports it.");
        throw new InvalidOperationException("unreachable");
    }
}
