using System.Text.Json;
using NUnit.Framework;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

[CheckGroup("Token endpoint")]
public sealed class TokenResponseChecks : ConformanceFixture
{
    [Test]
    [Check("TOK-01", "The code exchange returns access_token, token_type Bearer, expires_in, scope and the launch patient",
        "SMART App Launch 2.2 App Launch: access token response", Spec.TokenResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@73"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@74"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@75"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@76"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@78"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@170"),
     Requirement("RFC6749@5.1"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@84")]
    public async Task CodeExchange_ReturnsRequiredFields()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "AUTHZ-01", l => l.Token is not null);
        var token = launch.Token!;
        var exchange = token.Exchange;
        const string requirement = "a 200 JSON object with access_token (string), token_type \"Bearer\", expires_in (number), scope (string), and patient (string) when launch/patient was granted";
        if (token.Response.Json is not { ValueKind: JsonValueKind.Object } json)
        {
            Fail($"The token endpoint did not return a JSON object ({token.Response.Error ?? token.Response.ErrorType.ToString()}).", exchange, requirement);
            return;
        }
        if (exchange?.Status != 200)
            Fail($"The token endpoint answered {exchange?.Status} to a valid code exchange (error={token.Response.Error}).", exchange, requirement);

        var problems = new List<string>();
        if (!IsNonEmptyString(json, "access_token")) problems.Add("access_token is missing or not a non-empty string");
        if (!json.TryGetProperty("token_type", out var type) || type.ValueKind != JsonValueKind.String || !string.Equals(type.GetString(), "Bearer", StringComparison.OrdinalIgnoreCase))
            problems.Add($"token_type is {Show(json, "token_type")}, expected \"Bearer\" (case-insensitive)");
        if (!json.TryGetProperty("expires_in", out var expires) || expires.ValueKind != JsonValueKind.Number || expires.GetDouble() <= 0)
            problems.Add($"expires_in is {Show(json, "expires_in")}, expected a positive number of seconds");
        if (!IsNonEmptyString(json, "scope")) problems.Add($"scope is {Show(json, "scope")}, expected the granted scopes as a string");
        var granted = json.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.String ? scope.GetString()!.Split(' ') : [];
        var askedForPatient = launch.Request!.Scope.Split(' ').Contains("launch/patient");
        if (askedForPatient && granted.Contains("launch/patient") && !IsNonEmptyString(json, "patient"))
            problems.Add($"patient is {Show(json, "patient")}, but launch/patient was granted so the launch patient's id is required");
        if (problems.Count > 0)
            Fail("The token response is not conformant: " + string.Join("; ", problems) + ".", exchange, requirement);
    }

    private static bool IsNonEmptyString(JsonElement json, string field) =>
        json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;

    private static string Show(JsonElement json, string field) =>
        json.TryGetProperty(field, out var value) ? (field is "access_token" ? "(present)" : value.GetRawText()) : "missing";
}
