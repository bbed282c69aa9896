using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.FhirAccess;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.OpenEndpoints;

[CheckGroup("Open versus protected endpoints")]
public sealed class ProtectedBaseChecks : ConformanceFixture
{
    [Test]
    [Check("RS-01", "Reads of every profile resource type without an access token are refused with 401 and WWW-Authenticate: Bearer",
        "RFC 6750 §3 (WWW-Authenticate); SMART App Launch 2.2 access FHIR API", Spec.Rfc6750Section3)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@94"), Requirement("RFC6750@3")]
    public async Task Reads_WithoutToken_AreRefused()
    {
        // The profile's patient, not the launch's: this check must not depend on a launch working.
        if (ProbeRequests.ProfilePatient(Session.Profile) is not { } patient) { Skip("The profile's standalone-launch user names no patient to read."); return; }

        const string requirement = "a protected resource requested without a token is refused with 401 Unauthorized and a WWW-Authenticate header using the Bearer scheme";
        var problems = new List<(string Problem, HttpExchange? Exchange)>();
        foreach (var (type, relative) in ProbeRequests.For(Session.Profile, patient))
        {
            var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, accessToken: null, "fhir-read-no-token", CancellationToken.None);
            var challenge = read.Exchange?.ResponseHeader("WWW-Authenticate");
            if (read.IsSuccess)
                problems.Add(($"the server served {relative} without any access token ({read.Status})", read.Exchange));
            else if (read.Status != 401)
                problems.Add(($"{type}: GET {relative} answered {read.Status?.ToString() ?? "nothing"} instead of 401", read.Exchange));
            else if (challenge is null || !challenge.TrimStart().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase))
                problems.Add(($"{type}: the 401 for {relative} carries WWW-Authenticate: {challenge ?? "(none)"}, not a Bearer challenge", read.Exchange));
        }
        if (problems.Count > 0)
            Fail(Capitalized(string.Join("; ", problems.Select(p => p.Problem))) + ".", problems[0].Exchange, requirement);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
