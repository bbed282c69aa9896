using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Discovery;

[CheckGroup("Discovery")]
public sealed class CapabilityStatementChecks : ConformanceFixture
{
    [Test]
    [Check("CAPS-01", "The CapabilityStatement at {fhirBase}/metadata is readable without a token and is FHIR R4",
        "FHIR R4 RESTful API: capabilities", Spec.FhirCapabilities)]
    public async System.Threading.Tasks.Task CapabilityStatement_IsReadableWithoutTokenAsFhirR4()
    {
        var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, "metadata", accessToken: null, "metadata", CancellationToken.None);
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
}
