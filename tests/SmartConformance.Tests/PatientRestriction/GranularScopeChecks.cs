using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.PatientRestriction;

[CheckGroup("Patient-restricted reads")]
public sealed class GranularScopeChecks : ConformanceFixture
{
    [Test]
    [Check("RS-07", "With a granular scope (?category=), searches return only resources in that category",
        "SMART App Launch 2.2 Scopes: finer-grained resource constraints using search parameters", Spec.GranularScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@370")]
    public async System.Threading.Tasks.Task GranularScope_LimitsSearchResults()
    {
        if (Session.Profile.FhirAccess.Granular is not { } granular) { Skip("The profile has no fhirAccess.granular launch (the server may not support SMART v2 granular scopes)."); return; }
        var launch = RequireLaunch(await GranularEvidence.LaunchAsync(Session, granular), "AUTHZ-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The granular launch's token response names no patient; TOK-01 reports it for the standalone launch."); return; }
        var constraints = PatientLaunch.GrantedScopes(launch).ConstraintsOn(granular.ResourceType);
        if (constraints.Count == 0)
        {
            Skip($"The granted scope \"{launch.Token?.Response.Scope}\" does not limit {granular.ResourceType} to a category (the server widened or dropped the granular scope), so there is no restriction to test.");
            return;
        }

        var type = granular.ResourceType;
        var escapedPatient = Uri.EscapeDataString(patient);
        var requirement = $"a token granted {string.Join(" ", constraints.Select(c => $"{type}?{c}"))} reaches only {type} resources in that category: a search never returns others";
        var withCategory = await Search($"{type}?patient={escapedPatient}&category={Uri.EscapeDataString(granular.Category)}", await FreshTokenAsync(launch));
        var withoutCategory = await Search($"{type}?patient={escapedPatient}", await FreshTokenAsync(launch));

        if (withCategory.Status != 200 || withCategory.Resource is not Bundle)
        {
            Fail($"Searching the granted category answered {withCategory.Status?.ToString() ?? "nothing"} ({withCategory.ParseProblem ?? withCategory.Resource?.TypeName ?? "no resource"}) instead of a searchset.", withCategory.Exchange, requirement);
            return;
        }
        foreach (var read in new[] { withCategory, withoutCategory }.Where(r => r.IsSuccess))
        {
            var outside = read.BundleResources.Where(r => r.TypeName == type && Categories(r) is { } codings && !codings.Any(c => Matches(c, granular.Category))).ToList();
            if (outside.Count > 0)
            {
                Fail($"{read.Exchange?.Url.PathAndQuery} returned {type} outside {granular.Category}: {string.Join(", ", outside.Take(5).Select(r => $"{r.TypeName}/{r.Id} ({string.Join(",", Categories(r)!.Select(c => c.Code))})"))}.", read.Exchange, requirement);
                return;
            }
        }
        if (withoutCategory.Status is >= 500)
            Fail($"Searching {type} without the category failed with {withoutCategory.Status}.", withoutCategory.Exchange, requirement);
        else if (withCategory.BundleResources.All(r => r.TypeName != type) && withoutCategory.BundleResources.All(r => r.TypeName != type))
            Skip($"Patient/{patient} has no {type} in {granular.Category}, so the filtering cannot be observed; choose a patient with such data.");
    }

    private static async System.Threading.Tasks.Task<FhirRead> Search(string relative, string? accessToken)
    {
        var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, accessToken, "granular-search", CancellationToken.None);
        Uses(read.Exchange);
        return read;
    }

    // Null when the type has no category element this check knows.
    private static IReadOnlyList<Coding>? Categories(Resource resource) => resource switch
    {
        Observation o => o.Category.SelectMany(c => c.Coding).ToList(),
        Condition c => c.Category.SelectMany(x => x.Coding).ToList(),
        DiagnosticReport d => d.Category.SelectMany(x => x.Coding).ToList(),
        DocumentReference d => d.Category.SelectMany(x => x.Coding).ToList(),
        _ => null,
    };

    private static bool Matches(Coding coding, string token)
    {
        var bar = token.IndexOf('|');
        return bar < 0 ? coding.Code == token : coding.System == token[..bar] && coding.Code == token[(bar + 1)..];
    }
}
