using NUnit.Framework;
using SmartConformance.Harness.Backend;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Backend;

[CheckGroup("Backend services")]
public sealed class ClientAssertionChecks : ConformanceFixture
{
    [Test]
    [Check("BSV-02", "Invalid client assertions (bad signature, wrong aud, expired or far-future exp, no or replayed jti, iss≠sub, unknown iss or kid, alg none) get invalid_client",
        "SMART App Launch 2.2 Client Authentication: Asymmetric — signature verification", BackendSpec.SignatureVerification)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@249"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@335"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@336"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@337"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@338"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@340"),
     Requirement("RFC7523@3")]
    public async Task InvalidAssertions_GetInvalidClient()
    {
        if (await BackendEvidence.PrerequisitesAsync(Skip) is not var (profile, tokenEndpoint)) return;
        var key = profile.Keys[0];
        var client = profile.ClientId;
        var cases = new (string What, AssertionVariant Variant)[]
        {
            ("signed by a key other than the registered one (same kid)", new() { WrongKey = true }),
            ("with aud naming another server, not the token endpoint", new() { Audience = "https://other-server.invalid/token" }),
            ("whose exp passed ten minutes ago", new() { ExpiresIn = TimeSpan.FromMinutes(-10) }),
            ("whose exp is 30 minutes ahead (more than five minutes)", new() { ExpiresIn = TimeSpan.FromMinutes(30) }),
            ("without jti", new() { OmitJti = true }),
            ("with sub different from iss", new() { Subject = client + "-someone-else" }),
            ("from an unknown client (iss = sub = an unregistered client_id)", new() { Issuer = "unregistered-smartconformance-client", Subject = "unregistered-smartconformance-client" }),
            ("with a kid the client never registered", new() { KeyId = "unregistered-kid-" + Guid.NewGuid().ToString("N")[..8] }),
            ("unsigned (alg none)", new() { AlgNone = true }),
        };

        var accepted = new List<(string What, OAuthFormResponse Response)>();
        for (var i = 0; i < cases.Length; i++)
        {
            var (what, variant) = cases[i];
            var response = await BackendTokenRequest.SendAsync(Session.Http, tokenEndpoint, $"backend-invalid-assertion-{i + 1}", profile.Scope,
                ClientAssertion.Create(key, client, tokenEndpoint, variant), Session.Stopping);
            Uses(response.Exchange);
            if (!IsInvalidClient(response)) accepted.Add((what, response));
        }

        var jti = Guid.NewGuid().ToString("N");
        var first = await BackendTokenRequest.SendAsync(Session.Http, tokenEndpoint, "backend-assertion-first-use", profile.Scope,
            ClientAssertion.Create(key, client, tokenEndpoint, new() { Jti = jti }), Session.Stopping);
        var replay = await BackendTokenRequest.SendAsync(Session.Http, tokenEndpoint, "backend-assertion-replayed", profile.Scope,
            ClientAssertion.Create(key, client, tokenEndpoint, new() { Jti = jti }), Session.Stopping);
        Uses(first.Exchange, replay.Exchange);
        if (first.Status is 200 && !IsInvalidClient(replay)) accepted.Add(($"reusing the jti of an assertion accepted moments before", replay));

        if (accepted.Count == 0) return;
        var list = string.Join("; ", accepted.Select(a => $"an assertion {a.What} → {a.Response.Status?.ToString() ?? "no answer"}{BackendTokenChecks.ErrorOf(a.Response)}"));
        Fail($"{accepted.Count} invalid client assertion(s) were not refused with invalid_client: {list}.", accepted[0].Response.Exchange,
            "the server SHALL validate the client assertion as RFC 7523 §3 requires (signature with the registered key chosen by kid and kty, iss = sub = a known client_id, aud = the token endpoint, exp in the future and at most five minutes ahead, a jti not seen before) and answer every failure with 400 or 401 and error \"invalid_client\"");
    }

    private static bool IsInvalidClient(OAuthFormResponse response) =>
        response.Status is 400 or 401 && response.Error == "invalid_client";
}
