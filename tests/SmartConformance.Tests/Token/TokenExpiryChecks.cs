using NUnit.Framework;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

/// <summary>Runs late on purpose (the Token namespace sorts last): the probe, started with the first OAuth launch, has been waiting meanwhile.</summary>
[CheckGroup("Token lifetime")]
public sealed class TokenExpiryChecks : ConformanceFixture
{
    [Test]
    [Check("RS-03", "An access token is refused with 401 once its expires_in (plus the profile's skew) has passed",
        "SMART App Launch 2.2 App Launch: access token response and access FHIR API", Spec.AccessFhir)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@77"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@94")]
    public async Task ExpiredToken_Is401()
    {
        var probe = await OAuthEvidence.Expiry();
        RequireLaunch(probe.Launch, "TOK-01", l => l.AccessToken is not null);
        if (probe.NotRun is not null)
        {
            Skip($"Not observed: {probe.NotRun}. Declare policies.accessTokenExpiry (a client with short-lived tokens, maxWaitSeconds) to run it.");
            return;
        }
        Uses(probe.Before?.Exchange, probe.After?.Exchange);
        if (probe.Before?.Status is not (>= 200 and < 300))
        {
            Skip($"The fresh token could not read {probe.Before?.Exchange?.Url} ({probe.Before?.Status?.ToString() ?? "no answer"}), so its expiry proves nothing; RS-10 reports FHIR access.");
            return;
        }
        var skew = Session.Profile.Policies.AccessTokenExpiry.SkewSeconds;
        if (probe.After?.Status != 401)
            Fail($"The access token (expires_in {probe.ExpiresIn} s) was still answered with {probe.After?.Status?.ToString() ?? "nothing"} {probe.Waited.TotalSeconds:0.0} s after it was issued (skew allowed: {skew} s).",
                probe.After?.Exchange, "an access token past its lifetime is no longer accepted by the resource server: 401");
    }
}
