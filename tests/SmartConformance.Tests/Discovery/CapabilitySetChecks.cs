using NUnit.Framework;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Discovery;

/// <summary>What the advertised capabilities add up to: the capability sets of conformance.html#capability-sets.</summary>
[CheckGroup("Discovery")]
public sealed class CapabilitySetChecks : ConformanceFixture
{
    // The capabilities SMART App Launch 2.2 defines (conformance.html#capabilities).
    private static readonly HashSet<string> Known =
    [
        "launch-ehr", "launch-standalone", "authorize-post",
        "client-public", "client-confidential-symmetric", "client-confidential-asymmetric",
        "sso-openid-connect",
        "context-banner", "context-style", "context-ehr-patient", "context-ehr-encounter",
        "context-standalone-patient", "context-standalone-encounter",
        "permission-offline", "permission-online", "permission-patient", "permission-user", "permission-v1", "permission-v2",
        "smart-app-state",
    ];

    // Each set: its name and the capabilities it needs; an inner array means "at least one of".
    private static readonly (string Name, string[][] Needs)[] Sets =
    [
        ("Patient Access for Standalone Apps", [["launch-standalone"], ["client-public", "client-confidential-symmetric"], ["context-standalone-patient"], ["permission-patient"]]),
        ("Patient Access for EHR Launch", [["launch-ehr"], ["client-public", "client-confidential-symmetric"], ["context-ehr-patient"], ["permission-patient"]]),
        ("Clinician Access for Standalone", [["launch-standalone"], ["client-public", "client-confidential-symmetric"], ["permission-user"], ["permission-patient"]]),
        ("Clinician Access for EHR Launch", [["launch-ehr"], ["client-public", "client-confidential-symmetric"], ["context-ehr-patient"], ["context-ehr-encounter"], ["permission-user"], ["permission-patient"]]),
    ];

    [Test]
    [Check("DISC-07", "The advertised capabilities complete at least one capability set and are all capabilities SMART defines (warnings when not)",
        "SMART App Launch 2.2 Conformance: capability sets", Spec.CapabilitySets)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@346"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@348"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@349"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@350"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@351")]
    public async Task Capabilities_CompleteASet()
    {
        var fetch = await Session.DiscoveryAsync();
        Uses(fetch.Exchange);
        if (fetch.Configuration is not { } config) { Skip($"The discovery document could not be read ({fetch.Problem}); DISC-01 reports why."); return; }
        if (config.Strings("capabilities") is not { } capabilities) { Skip("capabilities is missing or not an array of strings; DISC-02 reports it."); return; }

        var complete = Sets.Where(set => set.Needs.All(anyOf => anyOf.Any(capabilities.Contains))).Select(set => set.Name).ToList();
        if (complete.Count > 0)
            TestContext.Out.WriteLine($"The advertised capabilities complete: {string.Join(", ", complete)}.");
        var warnings = new List<string>();
        if (complete.Count == 0)
        {
            var nearest = Sets.Select(set => (set.Name, Lacks: set.Needs.Where(anyOf => !anyOf.Any(capabilities.Contains)).Select(anyOf => string.Join(" or ", anyOf)).ToList()))
                .OrderBy(s => s.Lacks.Count).First();
            warnings.Add($"the advertised capabilities complete no capability set (the nearest, {nearest.Name}, lacks {string.Join(", ", nearest.Lacks)}); a server SHOULD support at least one");
        }
        var unknown = capabilities.Where(c => !Known.Contains(c)).ToList();
        if (unknown.Count > 0)
            warnings.Add($"capabilities lists {string.Join(", ", unknown.Select(u => $"\"{u}\""))}, which SMART App Launch 2.2 does not define, so apps cannot act on {(unknown.Count == 1 ? "it" : "them")}");
        if (warnings.Count > 0)
            Assert.Warn($"Discovery: {string.Join("; ", warnings)}. See {Spec.CapabilitySets} and {Spec.Capabilities}");
    }
}
