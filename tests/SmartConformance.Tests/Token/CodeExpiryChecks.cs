using NUnit.Framework;
using SmartConformance.Harness.Profiles;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

/// <summary>Runs late on purpose (the Token namespace sorts last): the probe, started with the first OAuth launch, has been waiting meanwhile.</summary>
[CheckGroup("Token endpoint")]
public sealed class CodeExpiryChecks : ConformanceFixture
{
    [Test]
    [Check("TOK-05", "An authorization code is short-lived: redeemed after the profile's declared lifetime it is refused with invalid_grant (a warning when it still works)",
        "RFC 6749 §4.1.2 and §5.2; SMART App Launch 2.2 App Launch: authorization response", Spec.AuthorizationResponse)]
    [Requirement("RFC6749@4.1.2"), Requirement("RFC6749@10.5"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@58")]
    public async Task ExpiredCode_IsRefused()
    {
        if (Session.Profile.Policies.AuthorizationCodeExpiry is not { } policy)
        {
            Skip("The profile does not declare the server's authorization code lifetime (policies.authorizationCodeExpiry.lifetimeSeconds), so there is no moment after which a code must be refused. Declare it to run TOK-05.");
            return;
        }
        if (OAuthEvidence.CodeExpiry() is not { } pending)
        {
            Assert.Warn($"The profile declares an authorization code lifetime of {policy.LifetimeSeconds} s; RFC 6749 §4.1.2 recommends at most 10 minutes " +
                        $"({AuthorizationCodeExpiryPolicy.RecommendedMaximumSeconds} s) to limit what a leaked code allows. The suite does not wait that long, so the expiry itself was not observed. See {Spec.AuthorizationResponse}");
            return;
        }
        var probe = await pending;
        RequireLaunch(probe.Attempt.ToLaunch(), "AUTHZ-01", l => l.Redirect?.Code is { Length: > 0 });
        if (probe.Redemption is not { } redemption) { Skip("No token_endpoint in the discovery document; DISC-02 reports it."); return; }
        Uses(redemption.Exchange);

        var late = $"A code redeemed {probe.Waited.TotalSeconds:0.0} s after it reached the redirect URI (declared lifetime {policy.LifetimeSeconds} s, skew {policy.SkewSeconds} s)";
        if (!redemption.Response.IsError)
        {
            Assert.Warn($"{late} was accepted: the server issued tokens. Authorization codes SHOULD expire shortly after they are issued (RFC 6749 §4.1.2 " +
                        $"recommends at most 10 minutes), and a code past its lifetime is refused with 400 error=invalid_grant; check the lifetime the profile declares. See {Spec.AuthorizationResponse}");
            return;
        }
        if (OAuthEvidence.ErrorOf(redemption) != "invalid_grant" || redemption.Exchange?.Status != 400)
            Fail($"{late} was refused with {OAuthEvidence.Describe(redemption)}, not 400 error=invalid_grant.", redemption.Exchange,
                "an expired authorization code is refused with 400 error=invalid_grant (RFC 6749 §5.2)");
    }
}
