using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Discovery;

[CheckGroup("Discovery")]
public sealed class CorsChecks : ConformanceFixture
{
    // Any origin: a browser app's origin is not known to the server in advance.
    private const string Origin = "https://smart-app.conformance.example";

    [Test]
    [Check("DISC-09", "The discovery document and /metadata allow cross-origin reads from any origin (CORS)",
        "SMART App Launch 2.2 App Launch: Considerations for CORS support", Spec.Cors)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@16")]
    public async Task DiscoveryAndMetadata_AllowAnyOrigin()
    {
        var headers = new Dictionary<string, string> { ["Origin"] = Origin, ["Accept"] = "application/json" };
        var discovery = await HttpProbe.GetAsync(Session.Http, HttpProbe.Under(Session.FhirBaseUrl, ".well-known/smart-configuration"), "cors-smart-configuration", headers, CancellationToken.None);
        var metadata = await HttpProbe.GetAsync(Session.Http, HttpProbe.Under(Session.FhirBaseUrl, "metadata"), "cors-metadata", headers, CancellationToken.None);
        var problems = new[] { (".well-known/smart-configuration", discovery), ("metadata", metadata) }
            .Select(p => (p.Item1, p.Item2, Problem: Problem(p.Item2)))
            .Where(p => p.Problem is not null)
            .ToList();
        if (problems.Count > 0)
            Fail($"A browser app on another origin cannot read {string.Join(" and ", problems.Select(p => $"{p.Item1} ({p.Problem})"))}.", problems[0].Item2,
                $"for GET requests from any origin (here Origin: {Origin}), the response carries Access-Control-Allow-Origin: * or the request's origin");
    }

    private static string? Problem(HttpExchange? exchange)
    {
        if (exchange?.Status is not { } status) return $"no response: {exchange?.Error ?? "not sent"}";
        if (status is < 200 or >= 300) return $"it answered {status}";
        var allowed = exchange.ResponseHeader("Access-Control-Allow-Origin");
        if (allowed is null) return "no Access-Control-Allow-Origin header";
        return allowed.Trim() is "*" or Origin ? null : $"Access-Control-Allow-Origin is \"{allowed}\"";
    }
}
