using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Scopes;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Authorization;

/// <summary>The error redirects the other authorization checks provoke, read once more for what every error redirect needs.</summary>
[CheckGroup("Authorization")]
public sealed class ErrorRedirectChecks : ConformanceFixture
{
    [Test]
    [Check("ERR-03", "Authorization error redirects carry error and the state the app sent, and no code",
        "RFC 6749 §4.1.2.1", OAuthSpec.AuthorizationError)]
    [Requirement("RFC6749@4.1.2.1")]
    public async Task ErrorRedirects_CarryErrorAndState()
    {
        var sources = new List<(string What, Task<CodeAttempt> Attempt)>
        {
            ("aud for another server (AUTHZ-06)", AuthorizationEvidence.WrongAud()),
            ("no aud (AUTHZ-06)", AuthorizationEvidence.MissingAud()),
            ("response_type=token (AUTHZ-07)", AuthorizationEvidence.TokenResponseType()),
            ("no response_type (AUTHZ-07)", AuthorizationEvidence.MissingResponseType()),
            ("an unknown scope (AUTHZ-09)", ScopeRefusalChecks.UnknownScopeAttempt()),
        };
        if (Session.Profile.BrowserSteps.Deny.Count > 0) sources.Add(("consent denied (AUTHZ-03)", AuthorizationEvidence.Denied()));

        const string requirement = "an error sent to the app's redirect_uri carries the error parameter and exactly the state the app sent, and never a code (RFC 6749 §4.1.2.1)";
        var judged = 0;
        foreach (var (what, pending) in sources)
        {
            var attempt = await pending;
            // Only error redirects: a code alone is judged by the check that made the request.
            if (attempt.Redirect is not { Error: not null } redirect) continue;
            Uses([.. attempt.Evidence]);
            judged++;
            var evidence = attempt.Preflight ?? attempt.BrowserTraffic.LastOrDefault();
            if (redirect.State != attempt.Request!.State)
                Fail($"The error redirect for {what} (error={redirect.Error}) carries state \"{redirect.State ?? "(none)"}\" but the request sent \"{attempt.Request.State}\".", evidence, requirement);
            if (attempt.Code is not null)
                Fail($"The error redirect for {what} (error={redirect.Error}) also carries a code.", evidence, requirement);
        }
        if (judged == 0) Skip("None of the refused requests was answered with an error redirect to the app; the server showed its own pages, which AUTHZ-03 to AUTHZ-09 judge.");
    }
}
