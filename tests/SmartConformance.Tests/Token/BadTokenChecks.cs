using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

[CheckGroup("FHIR access")]
public sealed class BadTokenChecks : ConformanceFixture
{
    [Test]
    [Check("RS-02", "A FHIR read with a tampered or made-up access token is refused with 401",
        "RFC 6750 §3.1 (invalid_token); SMART App Launch 2.2 access FHIR API", OAuthSpec.BearerErrors)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@94"), Requirement("RFC6750@3.1")]
    public async Task TamperedOrMadeUpToken_Is401()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        if (OAuthEvidence.PatientPath is not { } path) { Skip("The profile's standalone-launch user names no patient to read."); return; }
        const string requirement = "the resource server validates the bearer token (signature included) and answers an invalid one with 401";
        foreach (var (what, token) in new[] { ("a token with a tampered signature", Tamper(await FreshTokenAsync(launch))), ("a made-up token", "smartconformance-made-up-token") })
        {
            var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, path, token, "fhir-read-bad-token", CancellationToken.None);
            if (read.Status != 401)
                Fail($"GET {path} with {what} answered {read.Status?.ToString() ?? "nothing"} instead of 401.", read.Exchange, requirement);
        }
    }

    // Changes a character in the middle of the last segment (the signature of a JWS), away from base64url's padding bits.
    private static string Tamper(string token)
    {
        var start = token.LastIndexOf('.') + 1;
        var at = start + (token.Length - start) / 2;
        var replacement = token[at] == 'A' ? 'B' : 'A';
        return string.Concat(token.AsSpan(0, at), replacement.ToString(), token.AsSpan(at + 1));
    }
}
