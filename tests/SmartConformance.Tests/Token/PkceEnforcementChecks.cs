using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

[CheckGroup("PKCE")]
public sealed class PkceEnforcementChecks : ConformanceFixture
{
    [Test]
    [Check("PKCE-04", "An authorization request with code_challenge_method=plain is refused, or its code cannot be redeemed",
        "SMART App Launch 2.2 considerations for PKCE support; RFC 7636 §4.4.1", Spec.Pkce)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@15"), Requirement("RFC7636@4.4.1")]
    public async Task PlainMethod_IsRefused() =>
        Judge(await OAuthEvidence.Attempt("pkce-plain", OAuthEvidence.Standalone, PkceMode.Plain),
            "code_challenge_method=plain", "SMART servers SHALL NOT support the plain PKCE method: no code is issued, or it cannot be redeemed");

    [Test]
    [Check("PKCE-05", "An authorization request without code_challenge is refused, or its code cannot be redeemed without a verifier",
        "SMART App Launch 2.2 App Launch: authorization request (code_challenge required)", Spec.Pkce)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@31"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@14")]
    public async Task MissingChallenge_IsRefused() =>
        Judge(await OAuthEvidence.Attempt("pkce-missing", OAuthEvidence.Standalone, PkceMode.None),
            "no code_challenge", "SMART requires PKCE: a request without code_challenge gets no code, or a code that cannot be redeemed without a code_verifier");

    private static void Judge(RefusalProbe probe, string what, string requirement)
    {
        var attempt = probe.Attempt;
        Uses([.. attempt.Evidence]);
        Uses(attempt.Artifacts);
        if (attempt.Problem is not null)
        {
            if (attempt.ProblemIsHarness) throw new HarnessException($"The request with {what} could not be completed: {attempt.Problem}");
            Skip($"Prerequisite missing: {attempt.Problem}; DISC-02 reports it.");
        }
        if (attempt.Code is null) return; // refused: an error redirect or the server's own error page
        Uses(probe.Token?.Exchange);
        if (probe.Token is { Response.IsError: false } token)
            Fail($"An authorization request with {what} got a code, and the code was redeemed for tokens.", token.Exchange, requirement);
    }
}
