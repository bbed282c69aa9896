using Duende.IdentityModel;
using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Introspection;

namespace SmartConformance.Tests.Revocation;

[CheckGroup("Token revocation")]
public sealed class RevocationChecks : ConformanceFixture
{
    [Test]
    [Check("REV-01", "Revoking an unknown token answers 200",
        "RFC 7009 §2.2 Revocation Response", TokenSpec.Revocation)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@392"), Requirement("RFC7009@2.2")]
    public async Task UnknownToken_RevocationAnswers200()
    {
        var endpoint = await TokenEvidence.AdvertisedEndpointAsync(Session, "revocation_endpoint");
        var client = TokenEvidence.ConfidentialClient(Session);
        var response = await OAuthFormPost.SendAsync(Session.Http, endpoint, "revoke-unknown-token",
            [new("token", "not-a-token-" + CryptoRandom.CreateUniqueId(16))], client, CancellationToken.None);
        if (response.Status is >= 200 and < 300) return;
        if (response.Status == 503) throw new HarnessException("The revocation endpoint answered 503 (temporarily unavailable, RFC 7009 §2.2.1); try again later.");
        Fail($"Revoking a token the server never issued answered {response.Status?.ToString() ?? response.Problem}, authenticated as {client.ClientId}.", response.Exchange,
            "the revocation endpoint answers 200 when the token is invalid or unknown: \"invalid tokens do not cause an error response\" (RFC 7009 §2.2)");
    }

    [Test]
    [Check("REV-02", "A revoked access token is refused by the FHIR server with 401",
        "RFC 7009 §2.1 Revocation Request; RFC 6750 §3.1", TokenSpec.RevocationRequest)]
    [Requirement("RFC7009@2.1"), Requirement("RFC6750@3.1")]
    public async Task RevokedAccessToken_IsRefusedAtFhir()
    {
        var probe = await TokenEvidence.RevocationProbeAsync(Session);
        RequireLaunch(probe.Launch, "TOK-01", l => l.AccessToken is not null);
        if (probe.ReadBefore?.Status != 200)
        {
            Uses(probe.ReadBefore?.Exchange);
            Skip($"Prerequisite missing: the fresh access token could not read {probe.Resource} before revocation ({probe.ReadBefore?.Status?.ToString() ?? "no answer"}), so a refusal afterwards would prove nothing; RS-10 reports FHIR reads.");
            return;
        }
        Uses(probe.ReadBefore.Exchange);
        const string requirement = "after the access token is revoked (200 from the revocation endpoint) the resource server refuses it with 401 (invalid_token)";
        if (probe.RevokeAccessToken is not { Status: >= 200 and < 300 } revoked)
        {
            Fail($"Revoking a valid access token answered {probe.RevokeAccessToken?.Status?.ToString() ?? probe.RevokeAccessToken?.Problem}.", probe.RevokeAccessToken?.Exchange, requirement);
            return;
        }
        Uses(revoked.Exchange);
        if (probe.ReadAfter?.Status is >= 200 and < 300 && probe.ReadWithoutToken?.Status is >= 200 and < 300)
        {
            Uses(probe.ReadAfter.Exchange, probe.ReadWithoutToken.Exchange);
            Skip($"The server serves {probe.Resource} with no token at all, so whether it refuses a revoked token cannot be observed; RS-01 reports the missing token check.");
            return;
        }
        if (probe.ReadAfter?.Status != 401)
            Fail($"After revocation answered {revoked.Status}, GET {probe.Resource} with the revoked token still answered {probe.ReadAfter?.Status?.ToString() ?? "nothing"}.", probe.ReadAfter?.Exchange, requirement);
    }

    [Test]
    [Check("REV-03", "A revoked refresh token can no longer be used to refresh",
        "RFC 7009 §2.1 Revocation Request", TokenSpec.RevocationRequest)]
    [Requirement("RFC7009@2.1"), Requirement("RFC6749@5.2")]
    public async Task RevokedRefreshToken_CannotRefresh()
    {
        var probe = await TokenEvidence.RevocationProbeAsync(Session);
        var launch = RequireLaunch(probe.Launch, "TOK-01", l => l.AccessToken is not null);
        if (probe.RevokeRefreshToken is not { } revoke)
        {
            Skip($"The launch for this check (scope \"{launch.Request?.Scope}\") got no refresh_token, so there is none to revoke; ask for offline_access in launches.confidential.scope.");
            return;
        }
        const string requirement = "once the refresh token is revoked (200 from the revocation endpoint) a refresh_token grant with it fails with invalid_grant";
        if (revoke.Status is not (>= 200 and < 300))
        {
            Fail($"Revoking a valid refresh token answered {revoke.Status?.ToString() ?? revoke.Problem}.", revoke.Exchange, requirement);
            return;
        }
        Uses(revoke.Exchange);
        if (probe.RefreshAfter is { Response.IsError: false } refreshed)
            Fail("The refresh token was revoked, yet the token endpoint still exchanged it for a new access token.", refreshed.Exchange, requirement);
        else
            Uses(probe.RefreshAfter?.Exchange);
    }
}
