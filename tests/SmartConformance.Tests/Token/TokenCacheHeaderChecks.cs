using Duende.IdentityModel;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

[CheckGroup("Token endpoint")]
public sealed class TokenCacheHeaderChecks : ConformanceFixture
{
    [Test]
    [Check("TOK-02", "Every token response (code exchange, refresh and error) carries Cache-Control: no-store and Pragma: no-cache",
        "SMART App Launch 2.2 App Launch: access token response", Spec.TokenResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@86"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@87"), Requirement("RFC6749@5.1")]
    public async Task TokenResponses_AreNotCacheable()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token?.Exchange?.Status is not null);
        var responses = new List<(string What, HttpExchange Exchange)> { ("the code exchange", launch.Token!.Exchange!) };

        if (OAuthEvidence.OfflineClient is not null && (await OAuthEvidence.Refreshes()).Plain?.Exchange is { Status: not null } refresh)
            responses.Add(("the refresh", refresh));

        var discovery = await Session.DiscoveryAsync();
        var error = await Session.Tokens.ExchangeCodeAsync(discovery.Configuration!.TokenEndpoint!, OAuthEvidence.StandaloneClient,
            CryptoRandom.CreateUniqueId(32), Session.RedirectUri, Pkce.NewS256().Verifier, CancellationToken.None);
        if (error.Exchange is { Status: not null } refused) responses.Add(("the error response to an unknown code", refused));

        Uses([.. responses.Select(r => r.Exchange)]);
        const string requirement = "Cache-Control: no-store and Pragma: no-cache on every token endpoint response, errors included";
        foreach (var (what, exchange) in responses)
        {
            var cacheControl = exchange.ResponseHeader("Cache-Control");
            var pragma = exchange.ResponseHeader("Pragma");
            if (cacheControl?.Contains("no-store", StringComparison.OrdinalIgnoreCase) != true || pragma?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) != true)
                Fail($"The response to {what} carries Cache-Control: {cacheControl ?? "(none)"} and Pragma: {pragma ?? "(none)"}.", exchange, requirement);
        }
    }
}
