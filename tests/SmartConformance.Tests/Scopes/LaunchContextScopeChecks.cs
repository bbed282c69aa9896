using System.Text.Json;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.EhrLaunch;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Introspection;

namespace SmartConformance.Tests.Scopes;

[CheckGroup("Scopes")]
public sealed class LaunchContextScopeChecks : ConformanceFixture
{
    private const string ContextScopes = Spec.Smart + "scopes-and-launch-context.html#scopes-for-requesting-context-data";

    [Test]
    [Check("SCOPE-05", "A standalone launch gets the context its launch/patient and launch/encounter scopes ask for, and no context it did not ask for",
        "SMART App Launch 2.2 Scopes and Launch Context: scopes for requesting context data; standalone apps", ContextScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@149"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@167"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@363"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@364")]
    public async Task StandaloneLaunch_ContextFollowsLaunchScopes()
    {
        var capabilities = (await Session.DiscoveryAsync()).Configuration?.Capabilities ?? [];
        // The runs' standalone launches: together they usually hold one that asks for an encounter and one that does not.
        var launches = new List<LaunchOutcome> { RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token?.Response.IsError == false) };
        if (Session.Profile.Launches.Confidential is not null && await TokenEvidence.ConfidentialLaunchAsync(Session) is { Token.Response.IsError: false } confidential)
        {
            Uses(confidential.Token.Exchange);
            launches.Add(confidential);
        }

        var problems = new List<(string Problem, HttpExchange? Exchange)>();
        var judged = 0;
        foreach (var launch in launches)
        {
            var json = launch.Token!.Response.Json ?? default;
            var asked = ScopeSet.Parse(launch.Request?.Scope);
            var granted = launch.Token.Response.Scope is { Length: > 0 } scope ? ScopeSet.Parse(scope) : asked;
            if (granted.Contains("launch")) continue; // an EHR launch's context comes from the EHR, not from these scopes
            foreach (var (parameter, contextScope, capability) in new[]
                     { ("patient", "launch/patient", "context-standalone-patient"), ("encounter", "launch/encounter", "context-standalone-encounter") })
            {
                var value = LaunchContextJson.String(json, parameter);
                if (asked.Contains(contextScope) && granted.Contains(contextScope))
                {
                    if (!capabilities.Contains(capability)) continue;
                    judged++;
                    if (string.IsNullOrEmpty(value))
                        problems.Add(($"the {launch.Label} launch asked for and was granted {contextScope}, and discovery advertises {capability}, but {parameter} is {LaunchContextJson.Show(json, parameter)}", launch.Token.Exchange));
                }
                else if (!asked.Contains(contextScope))
                {
                    judged++;
                    if (json.TryGetPropertyOf(parameter, out _))
                        problems.Add(($"the {launch.Label} launch did not ask for {contextScope} (scope \"{asked}\"), yet the token response carries {parameter}={LaunchContextJson.Show(json, parameter)}", launch.Token.Exchange));
                }
            }
        }

        if (judged == 0)
        {
            Skip("No standalone launch asked for launch/patient or launch/encounter with the matching context-standalone-* capability advertised, or left one out, so there is nothing to compare. Add launch/encounter to launches.standalonePatient.scope to exercise context-standalone-encounter.");
            return;
        }
        if (problems.Count > 0)
            Fail("The standalone launch context does not follow the launch context scopes: " + string.Join("; ", problems.Select(p => p.Problem)) + ".",
                problems[0].Exchange,
                "launch/patient and launch/encounter in a standalone launch yield patient and encounter in the token response when context-standalone-patient / context-standalone-encounter are advertised, and the context scopes requested decide which context parameters come back");
    }
}
