using System.Text.Json;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Launch;

namespace SmartConformance.Tests.PatientRestriction;

/// <summary>What the patient-restricted checks read from a launch's token response.</summary>
public static class PatientLaunch
{
    public static string? PatientOf(LaunchOutcome launch) =>
        launch.Token?.Response.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("patient", out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : null;

    /// <summary>The scope actually granted (the token response's scope; the requested one when the server omitted it).</summary>
    public static ClinicalScopes GrantedScopes(LaunchOutcome launch) => new(launch.Token?.Response.Scope ?? launch.Request?.Scope);

    /// <summary>401, 403 and 404 are the refusals the spec allows for a resource the token must not reach.</summary>
    public static bool IsRefusal(int? status) => status is 401 or 403 or 404;
}
