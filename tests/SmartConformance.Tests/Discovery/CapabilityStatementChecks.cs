using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Discovery;

[CheckGroup("Discovery")]
public sealed class CapabilityStatementChecks : ConformanceFixture
{
    public const string SecurityServiceSystem = "http://terminology.hl7.org/CodeSystem/restful-security-service";
    public const string OAuthUrisExtension = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    [Test]
    [Check("CAPS-01", "The CapabilityStatement at {fhirBase}/metadata is readable without a token and is FHIR R4",
        "FHIR R4 RESTful API: capabilities", Spec.FhirCapabilities)]
    [Requirement("FHIR-R4@capabilities")]
    public async System.Threading.Tasks.Task CapabilityStatement_IsReadableWithoutTokenAsFhirR4()
    {
        var read = await MetadataAsync();
        const string requirement = "GET [base]/metadata returns a CapabilityStatement, without authorization, for FHIR 4.0.x";
        if (read.Status != 200) Fail($"GET metadata without a token answered {read.Status?.ToString() ?? "nothing"} instead of 200.", read.Exchange, requirement);
        if (read.Resource is not CapabilityStatement statement)
        {
            Fail(read.ParseProblem is not null ? $"The metadata response does not parse: {read.ParseProblem}." : $"The metadata response is a {read.Resource?.TypeName}, not a CapabilityStatement.", read.Exchange, requirement);
            return;
        }
        var version = statement.FhirVersion is { } v ? v.GetLiteral() : null;
        if (version is null || !version.StartsWith("4.0", StringComparison.Ordinal))
            Fail($"The CapabilityStatement declares fhirVersion {version ?? "(none)"}, not 4.0.x (R4).", read.Exchange, requirement);
    }

    [Test]
    [Check("CAPS-02", "The CapabilityStatement declares the SMART-on-FHIR security service, and any oauth-uris extension agrees with discovery",
        "FHIR R4 CapabilityStatement.rest.security; SMART App Launch 2.2 Conformance (CapabilityStatement endpoints deprecated)", Spec.FhirSecurityService)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@373")]
    public async System.Threading.Tasks.Task CapabilityStatement_DeclaresSmartSecurityConsistently()
    {
        var read = await MetadataAsync();
        if (read.Resource is not CapabilityStatement statement) { Skip("The CapabilityStatement could not be read; CAPS-01 reports why."); return; }
        var securities = statement.Rest.Select(r => r.Security).OfType<CapabilityStatement.SecurityComponent>().ToList();
        if (!securities.SelectMany(s => s.Service).SelectMany(c => c.Coding).Any(c => c.System == SecurityServiceSystem && c.Code == "SMART-on-FHIR"))
        {
            Fail("The CapabilityStatement's rest.security.service does not include SMART-on-FHIR, so a client reading /metadata cannot tell that the data needs a SMART authorization.",
                read.Exchange, $"a server whose data needs SMART authorization declares rest.security.service {SecurityServiceSystem}#SMART-on-FHIR");
            return;
        }

        var uris = securities.SelectMany(s => s.Extension).Where(e => e.Url == OAuthUrisExtension).SelectMany(e => e.Extension).ToList();
        if (uris.Count == 0) return; // deprecated in SMART 2; its absence is fine.
        var fetch = await Session.DiscoveryAsync();
        Uses(fetch.Exchange);
        if (fetch.Configuration is not { } config) { Skip($"The discovery document could not be read ({fetch.Problem}); DISC-01 reports why."); return; }

        var disagreements = new List<string>();
        foreach (var (extension, field) in new[] { ("authorize", "authorization_endpoint"), ("token", "token_endpoint") })
        {
            var declared = (uris.FirstOrDefault(e => e.Url == extension)?.Value as FhirUri)?.Value;
            var discovered = config.String(field);
            if (declared is not null && discovered is not null && !SameUrl(declared, discovered))
                disagreements.Add($"oauth-uris {extension} is {declared} but discovery's {field} is {discovered}");
        }
        if (disagreements.Count > 0)
            Fail($"The CapabilityStatement and the discovery document name different endpoints: {string.Join("; ", disagreements)}.", read.Exchange,
                "the deprecated oauth-uris extension may still be published, but it must name the same endpoints as .well-known/smart-configuration");
    }

    // One read serves both checks; each attaches it as its evidence.
    private static async System.Threading.Tasks.Task<FhirRead> MetadataAsync()
    {
        var read = await Session.Shared("metadata", session => FhirRead.GetAsync(session.Http, session.FhirBaseUrl, "metadata", accessToken: null, "metadata", CancellationToken.None));
        Uses(read.Exchange);
        return read;
    }

    private static bool SameUrl(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y) && Uri.Compare(x, y, UriComponents.AbsoluteUri, UriFormat.Unescaped, StringComparison.Ordinal) == 0;
}
