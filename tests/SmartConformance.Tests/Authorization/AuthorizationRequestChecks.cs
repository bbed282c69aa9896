using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Authorization;

/// <summary>Authorization requests a user completes: sent by form POST, or refused on the consent page.</summary>
[CheckGroup("Authorization")]
public sealed class AuthorizationRequestChecks : ConformanceFixture
{
    [Test]
    [Check("AUTHZ-02", "With authorize-post advertised, an authorization request sent as a form POST returns a code and the state, and the code redeems",
        "SMART App Launch 2.2 App Launch: authorization request; capabilities (authorize-post)", Spec.Smart + "app-launch.html#request-4")]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@49"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@354")]
    public async Task FormPost_Works()
    {
        var discovery = await Session.DiscoveryAsync();
        if (discovery.Configuration is not { } configuration) { Skip("No discovery document; DISC-01 reports it."); return; }
        if (!configuration.Capabilities.Contains("authorize-post")) { Skip("The server does not advertise authorize-post."); return; }

        var launch = AuthorizationEvidence.Standalone;
        var attempt = await AuthorizationCodeFlow.RequestCodeAsync(Session, "authz-form-post", launch, preflight: true, formPost: true);
        const string requirement = "a server advertising authorize-post accepts the authorization request as an HTML form POST (application/x-www-form-urlencoded) and answers it like the GET";
        Uses([.. attempt.Evidence]);
        Uses(attempt.Artifacts);
        if (attempt.ErrorPageStatus is { } status)
            Fail($"The authorization request sent as a form POST was answered with status {status} instead of the login or consent page.", attempt.Preflight, requirement);
        if (attempt.Problem is not null)
        {
            if (!attempt.ProblemIsHarness) { Skip($"Prerequisite missing: {attempt.Problem}; DISC-02 reports it."); return; }
            var get = await Session.StandalonePatientLaunchAsync();
            if (get.Redirect?.Code is { Length: > 0 })
                Fail($"The same launch that works by GET (AUTHZ-01) did not complete by form POST: {attempt.Problem}", attempt.Preflight, requirement);
            throw new HarnessException($"The form POST launch could not be completed: {attempt.Problem}");
        }
        var redirect = attempt.Redirect!;
        var evidence = attempt.BrowserTraffic.LastOrDefault() ?? attempt.Preflight;
        if (redirect.Error is not null)
            Fail($"The authorization request sent as a form POST was answered with error={redirect.Error}{(redirect.ErrorDescription is null ? "" : $" ({redirect.ErrorDescription})")}.", evidence, requirement);
        if (redirect.State != attempt.Request!.State)
            Fail($"The redirect after the form POST carries state \"{redirect.State ?? "(none)"}\" but the request sent \"{attempt.Request.State}\".", evidence, requirement);
        var redeemed = await AuthorizationCodeFlow.ExchangeAsync(Session, attempt, Session.Profile.Client(launch.Client));
        Uses(redeemed.Token?.Exchange);
        if (redeemed.Token is not { Response.IsError: false })
            Fail($"The code from the form POST request could not be redeemed ({(redeemed.Token is null ? redeemed.Problem : OAuthEvidence.Describe(redeemed.Token))}).", redeemed.Token?.Exchange, requirement);
    }

    [Test]
    [Check("AUTHZ-03", "When the user denies consent, the app gets error=access_denied with its state and no code",
        "SMART App Launch 2.2 App Launch: authorization response; RFC 6749 §4.1.2.1", Spec.AuthorizationResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@54"), Requirement("RFC6749@4.1.2.1")]
    public async Task Denial_IsAccessDeniedWithState()
    {
        if (Session.Profile.BrowserSteps.Deny.Count == 0) { Skip("The profile has no browserSteps.deny: the suite cannot refuse consent on the server's page."); return; }
        var attempt = await AuthorizationEvidence.Denied();
        Uses([.. attempt.Evidence]);
        Uses(attempt.Artifacts);
        if (attempt.Problem is not null)
        {
            if (attempt.ProblemIsHarness) throw new HarnessException($"The denied launch could not be completed: {attempt.Problem}");
            Skip($"Prerequisite missing: {attempt.Problem}; DISC-02 reports it.");
        }
        const string requirement = "when the user denies the request, the server redirects to the app with error=access_denied and the state it sent, and issues no code";
        var redirect = attempt.Redirect!;
        var evidence = attempt.BrowserTraffic.LastOrDefault();
        if (attempt.Code is not null)
            Fail($"The user clicked deny, yet the redirect {redirect.Url.GetLeftPart(UriPartial.Path)} carries a code{(redirect.Error is null ? "" : $" (and error={redirect.Error})")}.", evidence, requirement);
        if (redirect.Error != "access_denied")
            Fail($"The user clicked deny, and the redirect carries error={redirect.Error ?? "(none)"}, not access_denied.", evidence, requirement);
        if (redirect.State != attempt.Request!.State)
            Fail($"The access_denied redirect carries state \"{redirect.State ?? "(none)"}\" but the request sent \"{attempt.Request.State}\".", evidence, requirement);
    }
}
