using Duende.IdentityModel;
using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

[CheckGroup("Token endpoint")]
public sealed class ClientAuthenticationChecks : ConformanceFixture
{
    [Test]
    [Check("TOK-07", "A confidential client with a wrong secret is refused with invalid_client (401 and WWW-Authenticate when it used HTTP Basic)",
        "RFC 6749 §5.2 and §2.3.1; SMART App Launch 2.2 client-confidential-symmetric", OAuthSpec.TokenError)]
    [Requirement("RFC6749@5.2"), Requirement("RFC6749@2.3.1"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@356")]
    public async Task WrongSecret_IsInvalidClient()
    {
        if (OAuthEvidence.ConfidentialClient is not { } client) { Skip("The profile lists no confidential client."); return; }
        var tokenEndpoint = await TokenEndpointAsync();
        var call = await Session.Tokens.ExchangeCodeAsync(tokenEndpoint, TokenProbes.WithWrongSecret(client), CryptoRandom.CreateUniqueId(32),
            Session.RedirectUri, Pkce.NewS256().Verifier, CancellationToken.None);
        var basic = client.Authentication == "client_secret_basic";
        var requirement = basic
            ? "failed client authentication is answered with 401, error=invalid_client and a WWW-Authenticate header (the client used HTTP Basic)"
            : "failed client authentication is answered with error=invalid_client (400 or 401)";
        var challenge = call.Exchange?.ResponseHeader("WWW-Authenticate");
        if (!call.Response.IsError)
            Fail($"{client.ClientId} with a wrong secret got tokens.", call.Exchange, requirement);
        else if (OAuthEvidence.ErrorOf(call) != "invalid_client")
            Fail($"A wrong client secret was answered with {OAuthEvidence.Describe(call)}, not error=invalid_client.", call.Exchange, requirement);
        else if (basic && (call.Exchange?.Status != 401 || string.IsNullOrWhiteSpace(challenge)))
            Fail($"A wrong secret sent with HTTP Basic was answered with {call.Exchange?.Status} and WWW-Authenticate: {challenge ?? "(none)"}; RFC 6749 §5.2 requires 401 with a WWW-Authenticate header.", call.Exchange, requirement);
    }

    [Test]
    [Check("TOK-08", "An unsupported grant_type is refused with 400 unsupported_grant_type",
        "RFC 6749 §5.2", OAuthSpec.TokenError)]
    [Requirement("RFC6749@5.2")]
    public async Task UnknownGrantType_IsUnsupported()
    {
        var tokenEndpoint = await TokenEndpointAsync();
        var call = await TokenProbes.UnknownGrantAsync(Session.Http, tokenEndpoint, OAuthEvidence.StandaloneClient,
            "urn:smartconformance:params:oauth:grant-type:unsupported", CancellationToken.None);
        const string requirement = "a grant_type the server does not support is refused with 400 error=unsupported_grant_type";
        if (!call.Response.IsError)
            Fail("A made-up grant_type was answered with tokens.", call.Exchange, requirement);
        else if (OAuthEvidence.ErrorOf(call) != "unsupported_grant_type" || call.Exchange?.Status != 400)
            Fail($"A made-up grant_type was answered with {OAuthEvidence.Describe(call)}, not 400 error=unsupported_grant_type.", call.Exchange, requirement);
    }

    private static async Task<Uri> TokenEndpointAsync()
    {
        var discovery = await Session.DiscoveryAsync();
        if (discovery.Configuration?.TokenEndpoint is { } endpoint) return endpoint;
        Skip("No token_endpoint in the discovery document; DISC-02 reports it.");
        throw new InvalidOperationException("unreachable");
    }
}
