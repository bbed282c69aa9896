using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.PatientRestriction;

namespace SmartConformance.Tests.Scopes;

/// <summary>Granular (?category=) scopes at the authorization server: granted as asked, and chosen by the user at consent.</summary>
[CheckGroup("Scopes")]
public sealed class GranularScopeGrantChecks : ConformanceFixture
{
    [Test]
    [Check("SCOPE-03", "With permission-v2, a requested granular scope (?category=) is granted without being widened, and a scope the user narrows to a category at consent is granted narrowed",
        "SMART App Launch 2.2 Scopes: finer-grained resource constraints using search parameters", Spec.GranularScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@370"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@119")]
    public async Task GranularScopes_AreGrantedAsAskedOrChosen()
    {
        if ((await Session.DiscoveryAsync()).Configuration?.Capabilities.Contains("permission-v2") != true) { Skip("The discovery document does not advertise permission-v2."); return; }
        if (Session.Profile.FhirAccess.Granular is not { } granular) { Skip("The profile has no fhirAccess.granular launch, so no granular scope is requested."); return; }
        var launch = RequireLaunch(await GranularEvidence.LaunchAsync(Session, granular), "AUTHZ-01", l => l.Token?.Response.IsError == false);
        var askedText = launch.Request?.Scope ?? granular.Scope;
        var asked = ScopeSet.Parse(askedText);
        if (launch.Token!.Response.Scope is not { Length: > 0 } grantedText) { Skip("The granular launch's token response has no scope; TOK-01 reports a missing scope."); return; }
        var granted = ScopeSet.Parse(grantedText);
        var requirement = "a server advertising permission-v2 supports granular scopes: a requested patient/X.rs?category=... is granted as asked " +
                          "(or narrower), never widened to the resource-level patient/X.rs";
        var granularAsked = asked.Scopes.Where(s => s.Contains('?')).ToList();
        // Only the granular types are judged here; a grant beyond the request on other types is SCOPE-08's finding.
        var granularTypes = granularAsked.Select(TypeOf).ToHashSet(StringComparer.Ordinal);
        var widened = granted.Beyond(asked).Where(s => granularTypes.Contains(TypeOf(s))).ToList();
        if (widened.Count > 0)
        {
            Fail($"The launch asked \"{askedText}\" and was granted \"{grantedText}\", which widens the granular request to {string.Join(", ", widened)}.", launch.Token.Exchange, requirement);
            return;
        }
        if (granularAsked.FirstOrDefault(s => !granted.Covers(s)) is { } dropped)
        {
            Fail($"The launch asked \"{askedText}\" and was granted \"{grantedText}\", which drops the granular scope {dropped} " +
                 "(if your server's policy narrows it, list in fhirAccess.granular.scope only what the user can be granted).", launch.Token.Exchange, requirement);
            return;
        }

        if (Session.Profile.ConsentNarrowing is not { } narrowing)
        {
            Skip("The requested granular scope was granted as asked, but the profile has no consentNarrowing entry (how the user narrows a scope to a category on the consent page), so the user's narrowing is not exercised.");
            return;
        }
        var standalone = Session.Profile.Launches.StandalonePatient;
        if (!ScopeSet.Parse(standalone.Scope).Contains(narrowing.Scope) || !narrowing.NarrowedScope.StartsWith(narrowing.Scope + "?", StringComparison.Ordinal))
            throw new HarnessException($"consentNarrowing.scope \"{narrowing.Scope}\" must be one of launches.standalonePatient.scope (\"{standalone.Scope}\") and narrowedScope \"{narrowing.NarrowedScope}\" that scope with a ?category= constraint.");
        var narrowed = RequireLaunch(await Session.Shared("consent-narrowing-launch", session =>
                StandaloneLaunch.RunAsync(session, "consent-narrowing", standalone, CancellationToken.None, narrowing.Steps)),
            "TOK-01", l => l.Token?.Response.IsError == false);
        var narrowedText = narrowed.Token!.Response.Scope ?? narrowed.Request!.Scope;
        var narrowedGrant = ScopeSet.Parse(narrowedText);
        var narrowingRequirement = $"a scope the user narrows on the consent page ({narrowing.Scope} to {narrowing.NarrowedScope}) is granted as the granular scope the user chose: the user's choice limits the grant";
        if (narrowedGrant.Covers(narrowing.Scope))
            Fail($"The user narrowed {narrowing.Scope} to {narrowing.NarrowedScope} on the consent page, yet the token response grants \"{narrowedText}\", which still holds all of {narrowing.Scope}.",
                narrowed.Token.Exchange, narrowingRequirement);
        else if (!narrowedGrant.Covers(narrowing.NarrowedScope))
            Fail($"The user narrowed {narrowing.Scope} to {narrowing.NarrowedScope} on the consent page, but the token response grants \"{narrowedText}\", without the scope the user chose.",
                narrowed.Token.Exchange, narrowingRequirement);
    }

    // "patient/Observation.rs?category=..." -> "patient/Observation"
    private static string TypeOf(string scope)
    {
        var body = scope.Split('?', 2)[0];
        var dot = body.LastIndexOf('.');
        return dot < 0 ? body : body[..dot];
    }
}
