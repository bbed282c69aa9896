using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.PatientRestriction;

namespace SmartConformance.Tests.Scopes;

[CheckGroup("Scopes")]
public sealed class ConsentDeselectionChecks : ConformanceFixture
{
    private const string Delegation = Spec.Smart + "scopes-and-launch-context.html#smarts-scopes-are-used-to-delegate-access";

    [Test]
    [Check("SCOPE-04", "A scope the user unticks on the consent page is not granted, and its resource type is refused",
        "SMART App Launch 2.2 Scopes and Launch Context: SMART's scopes are used to delegate access", Delegation)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@119")]
    public async System.Threading.Tasks.Task DeselectedScope_IsNotGranted()
    {
        if (Session.Profile.ConsentDeselection is not { } deselection)
        {
            Skip("The profile has no consentDeselection entry (how to untick a scope on the consent page), so the user's choice is not exercised.");
            return;
        }
        var standalone = Session.Profile.Launches.StandalonePatient;
        if (!ScopeSet.Parse(standalone.Scope).Contains(deselection.Scope))
            throw new HarnessException($"consentDeselection.scope \"{deselection.Scope}\" is not one of launches.standalonePatient.scope (\"{standalone.Scope}\"), so there is nothing to untick.");

        var launch = RequireLaunch(await Session.Shared("consent-deselection-launch", session =>
                StandaloneLaunch.RunAsync(session, "consent-deselection", standalone, CancellationToken.None, deselection.Steps)),
            "TOK-01", l => l.Token?.Response.IsError == false);
        var grantedText = launch.Token!.Response.Scope ?? launch.Request!.Scope;
        var granted = ScopeSet.Parse(grantedText);
        var requirement = $"a scope the user leaves out on the consent page ({deselection.Scope}) is not granted, and the token cannot read what only that scope would have allowed: the user's choice limits the grant";
        if (granted.Covers(deselection.Scope))
        {
            Fail($"The user unticked {deselection.Scope} on the consent page, yet the token response grants \"{grantedText}\".", launch.Token.Exchange, requirement);
            return;
        }

        // The token must not reach the type either, unless another granted scope still covers it.
        var type = deselection.Scope.Split('/', 2) is [_, var rest] ? rest.Split('.')[0] : null;
        if (type is null || !new ClinicalScopes(deselection.Scope).Reads(type) || new ClinicalScopes(grantedText).Reads(type)) return;
        if (PatientLaunch.PatientOf(launch) is not { } patient) return;
        var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, FhirAccess.ProbeRequests.For(type, patient), await FreshTokenAsync(launch), "deselected-type-read", CancellationToken.None);
        Uses(read.Exchange);
        // An empty search result reveals nothing; a resource of the type does.
        if (read.IsSuccess && (read.Resource is not Hl7.Fhir.Model.Bundle || read.BundleResources.Any(r => r.TypeName == type)))
            Fail($"The grant leaves {deselection.Scope} out, but {read.Exchange?.Method} {read.Exchange?.Url.PathAndQuery} with the token answered {read.Status}.", read.Exchange, requirement);
    }
}
