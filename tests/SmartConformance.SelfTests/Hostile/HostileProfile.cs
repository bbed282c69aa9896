using System.Text.Json.Nodes;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>Writes a profile that points the suite at one hostile behaviour, with short timeouts so the matrix stays fast.</summary>
public static class HostileProfile
{
    public const string Password = "hostile-user-password-5be1";

    public static JsonObject For(string fhirBaseUrl, int redirectPort) => new()
    {
        ["name"] = "Hostile server",
        ["fhirBaseUrl"] = fhirBaseUrl,
        ["redirectUri"] = $"http://127.0.0.1:{redirectPort}/callback",
        ["clients"] = new JsonArray(new JsonObject { ["name"] = "public", ["clientId"] = "hostile-app", ["authentication"] = "none" }),
        ["users"] = new JsonArray(new JsonObject { ["name"] = "patient", ["username"] = "amy", ["password"] = Password, ["patient"] = Baseline.PatientId }),
        ["launches"] = new JsonObject
        {
            ["standalonePatient"] = new JsonObject { ["client"] = "public", ["user"] = "patient", ["scope"] = Baseline.Scope },
        },
        ["browserSteps"] = new JsonObject
        {
            ["login"] = new JsonArray(
                new JsonObject { ["action"] = "fill", ["selector"] = "#username", ["value"] = "{user.username}" },
                new JsonObject { ["action"] = "fill", ["selector"] = "#password", ["value"] = "{user.password}" },
                new JsonObject { ["action"] = "click", ["selector"] = "#login" }),
            ["approve"] = new JsonArray(new JsonObject { ["action"] = "click", ["selector"] = "#approve" }),
        },
        // The hostile server serves Patient only (its scope and CapabilityStatement say so), so RS-01 probes only Patient.
        ["fhirAccess"] = new JsonObject { ["resourceTypes"] = new JsonArray("Patient") },
        ["timeouts"] = new JsonObject { ["httpSeconds"] = 2, ["browserStepSeconds"] = 3, ["launchSeconds"] = 3, ["runSeconds"] = 120 },
    };

    public static string Write(JsonObject profile, string directory)
    {
        var path = Path.Combine(directory, "hostile-profile.json");
        File.WriteAllText(path, profile.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
