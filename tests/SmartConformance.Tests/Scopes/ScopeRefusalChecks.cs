using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Scopes;

[CheckGroup("Scopes")]
public sealed class ScopeRefusalChecks : ConformanceFixture
{
    private const string UnknownScope = "smartconformance.unknown-scope";
    // Interactions out of the "cruds" order: SMART 2.2 lets servers ignore, replace or reject such a scope, never grant it as is.
    private const string MalformedScope = "patient/Patient.sr";

    [Test]
    [Check("AUTHZ-09", "An unknown scope is refused with invalid_scope or dropped from the grant, as the profile declares",
        "RFC 6749 §4.1.2.1 and §3.3; SMART App Launch 2.2 scopes", OAuthSpec.AuthorizationError)]
    [Requirement("RFC6749@4.1.2.1"), Requirement("RFC6749@3.3"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@78"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@145")]
    public async Task UnknownScope_IsRefusedOrDropped() =>
        Judge(await OAuthEvidence.Attempt("unknown-scope", WithScope(UnknownScope)), UnknownScope, "an unknown scope");

    [Test]
    [Check("SCOPE-07", "A malformed v2 scope (interactions out of order) is refused with invalid_scope or dropped, never granted as is",
        "SMART App Launch 2.2 scopes for requesting FHIR resources", OAuthSpec.ResourceScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@129"), Requirement("RFC6749@4.1.2.1")]
    public async Task MalformedScope_IsRefusedOrDropped() =>
        Judge(await OAuthEvidence.Attempt("malformed-scope", WithScope(MalformedScope)), MalformedScope, "a malformed v2 scope");

    /// <summary>The AUTHZ-09 request (an unknown scope added), shared with ERR-03.</summary>
    internal static async Task<Harness.Launch.CodeAttempt> UnknownScopeAttempt() =>
        (await OAuthEvidence.Attempt("unknown-scope", WithScope(UnknownScope))).Attempt;

    private static Harness.Profiles.LaunchProfile WithScope(string extra) =>
        OAuthEvidence.Standalone with { Scope = $"{OAuthEvidence.Standalone.Scope} {extra}" };

    private static void Judge(RefusalProbe probe, string scope, string what)
    {
        var attempt = probe.Attempt;
        Uses([.. attempt.Evidence]);
        Uses(attempt.Artifacts);
        if (attempt.Problem is not null)
        {
            if (attempt.ProblemIsHarness) throw new HarnessException($"The request with {what} could not be completed: {attempt.Problem}");
            Skip($"Prerequisite missing: {attempt.Problem}; DISC-02 reports it.");
        }
        var policy = Session.Profile.Policies.UnknownScope;
        var requirement = policy switch
        {
            "refuse" => $"{what} is refused: a redirect to the app with error=invalid_scope and the state sent (the profile declares \"refuse\")",
            "narrow" => $"{what} is left out of the granted scope (the profile declares \"narrow\")",
            _ => $"{what} is refused with an invalid_scope redirect carrying the state, or left out of the granted scope; never granted",
        };
        var evidence = attempt.Preflight ?? attempt.BrowserTraffic.LastOrDefault();

        if (attempt.ErrorPageStatus is { } status)
        {
            Fail($"Asked for \"{scope}\", the authorization server showed its own error page ({status}) instead of sending the app an invalid_scope error; only a bad client or redirect URI may stop at the server.", evidence, requirement);
            return;
        }
        if (attempt.Redirect is { Error: { } error } redirect)
        {
            if (error != "invalid_scope")
                Fail($"Asked for \"{scope}\", the server redirected with error={error}; a scope it does not accept is error=invalid_scope.", evidence, requirement);
            else if (redirect.State != attempt.Request!.State)
                Fail($"The invalid_scope redirect carries state \"{redirect.State ?? "(none)"}\" but the request sent \"{attempt.Request.State}\".", evidence, requirement);
            else if (policy == "narrow")
                Fail($"Asked for \"{scope}\", the server refused the request with invalid_scope, but the profile declares it narrows the grant instead.", evidence, requirement);
            return;
        }

        var token = probe.Token;
        Uses(token?.Exchange);
        if (token is null || token.Response.IsError)
        {
            Fail($"Asked for \"{scope}\", the server issued a code, but redeeming it failed ({(token is null ? "no call" : OAuthEvidence.Describe(token))}); it neither refused the request nor granted a narrowed scope.", token?.Exchange ?? evidence, requirement);
            return;
        }
        var granted = ScopeSet.Parse(token.Response.Scope);
        if (granted.Contains(scope))
            Fail($"The server silently granted {what}: \"{scope}\" is in the granted scope \"{granted}\".", token.Exchange, requirement);
        else if (policy == "refuse")
            Fail($"Asked for \"{scope}\", the server narrowed the grant to \"{granted}\", but the profile declares it refuses with invalid_scope.", token.Exchange, requirement);
    }
}
