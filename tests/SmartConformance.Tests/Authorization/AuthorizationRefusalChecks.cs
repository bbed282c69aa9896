using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Authorization;

/// <summary>Authorization requests the server must refuse: a redirect_uri or client it cannot trust, a wrong aud, a bad response_type.</summary>
[CheckGroup("Authorization")]
public sealed class AuthorizationRefusalChecks : ConformanceFixture
{
    [Test]
    [Check("AUTHZ-04", "An unregistered redirect_uri, or the registered one with an added path or query, is never redirected to",
        "RFC 6749 §3.1.2.4 and §4.1.2.1; SMART App Launch 2.2 App Launch overview (registered redirect URLs)", Spec.Smart + "app-launch.html#smart-authorization--fhir-access-overview")]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@18"), Requirement("RFC6749@3.1.2.4"), Requirement("RFC6749@4.1.2.1")]
    public async Task UnregisteredRedirectUri_IsNeverRedirectedTo()
    {
        var stray = AuthorizationEvidence.StrayRedirects;
        var attempts = await Task.WhenAll(stray.Select(s => AuthorizationEvidence.Refusal(s.Name)));
        const string requirement = "the server compares redirect_uri exactly with the client's registered URIs and, when it does not match, informs the user instead of redirecting (RFC 6749 §3.1.2.4, §4.1.2.1)";
        foreach (var (attempt, (_, what)) in attempts.Zip(stray))
        {
            var outcome = Outcome(attempt);
            if (outcome.Kind is not RefusalKind.ErrorPage)
                Fail($"Sent {what} ({attempt.Request?.RedirectUri}), {outcome.Description}.", outcome.Evidence, requirement);
        }
    }

    [Test]
    [Check("AUTHZ-05", "An unknown client_id gets the server's error page, never a redirect",
        "RFC 6749 §4.1.2.1", OAuthSpec.AuthorizationError)]
    [Requirement("RFC6749@4.1.2.1")]
    public async Task UnknownClient_IsNotRedirected()
    {
        var attempt = await AuthorizationEvidence.UnknownClient();
        var outcome = Outcome(attempt);
        if (outcome.Kind is not RefusalKind.ErrorPage)
            Fail($"Sent client_id \"{attempt.Request!.ClientId}\", which no server registered, {outcome.Description}.", outcome.Evidence,
                "a request with an invalid or unknown client_id is not redirected to its redirect_uri: the server informs the user (RFC 6749 §4.1.2.1)");
    }

    [Test]
    [Check("AUTHZ-06", "An authorization request whose aud is not this FHIR server, or has no aud, gets no code",
        "SMART App Launch 2.2 App Launch: authorization request (aud)", Spec.Smart + "app-launch.html#request-4")]
    [Requirement("RFC9700@2.3")]
    public async Task ForeignOrMissingAud_GetsNoCode()
    {
        var foreign = AuthorizationEvidence.WrongAud();
        var missing = AuthorizationEvidence.MissingAud();
        const string requirement = "aud names the FHIR server the app means to access; a server that is not that resource server, or a request without aud, must not issue a code (an error redirect such as invalid_request, or the server's own error page)";
        RequireNoCode(await foreign, $"aud={AuthorizationEvidence.ForeignAud}", requirement);
        RequireNoCode(await missing, "no aud parameter", requirement);
    }

    [Test]
    [Check("AUTHZ-07", "A missing or unsupported response_type is refused with unsupported_response_type or invalid_request",
        "RFC 6749 §3.1.1 and §4.1.2.1", "https://www.rfc-editor.org/rfc/rfc6749#section-3.1.1")]
    [Requirement("RFC6749@3.1.1"), Requirement("RFC6749@4.1.2.1")]
    public async Task BadResponseType_IsRefused()
    {
        var token = AuthorizationEvidence.TokenResponseType();
        var missing = AuthorizationEvidence.MissingResponseType();
        const string requirement = "a missing response_type is invalid_request and an unsupported one unsupported_response_type, sent to the app as an error redirect or shown by the server; no code or token is issued (RFC 6749 §3.1.1, §4.1.2.1)";
        foreach (var (attempt, what) in new[] { (await token, "response_type=token"), (await missing, "no response_type") })
        {
            var outcome = RequireNoCode(attempt, what, requirement);
            if (outcome.Redirect is { Error: { } error } && error is not ("unsupported_response_type" or "invalid_request"))
                Fail($"Sent {what}, the server redirected with error={error}; the error for a bad response_type is unsupported_response_type (or invalid_request when it is missing).", outcome.Evidence, requirement);
        }
    }

    private static RefusalOutcome RequireNoCode(CodeAttempt attempt, string what, string requirement)
    {
        var outcome = Outcome(attempt);
        if (outcome.Redirect is { } redirect && redirect.Error is null)
            Fail($"Sent an authorization request with {what}, {outcome.Description}: the request was not refused.", outcome.Evidence, requirement);
        return outcome;
    }

    private static RefusalOutcome Outcome(CodeAttempt attempt)
    {
        Uses([.. attempt.Evidence]);
        Uses(attempt.Artifacts);
        if (RefusalOutcome.Read(attempt, Session, out var undecided) is { } outcome) return outcome;
        if (attempt.Problem is not null && !attempt.ProblemIsHarness)
            Skip($"Prerequisite missing: {attempt.Problem}; DISC-02 reports it.");
        throw new HarnessException($"The {attempt.Label} request could not be judged: {undecided}");
    }
}
