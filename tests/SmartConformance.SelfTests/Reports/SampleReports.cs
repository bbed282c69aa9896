using System.Text;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Reports;

/// <summary>A run with every verdict, JWTs, a hostile body, a cut body, a failed connection and artifacts.</summary>
internal static class SampleReports
{
    public const string FhirBase = "https://ehr.example.org/fhir";
    public const string HostileBody = "<html><body><script>alert('pwned')</script><img src=x onerror=alert(2)></body></html>";

    /// <summary>A claim value that appears in the sample only inside the base64url-encoded JWT payload.</summary>
    public const string PatientClaim = "pat-only-inside-the-jwt-7731";

    public static readonly DateTimeOffset Start = new(2025, 3, 4, 13, 40, 5, 123, TimeSpan.Zero);

    public static string Jwt { get; } = MakeJwt(
        """{"alg":"RS256","typ":"JWT","kid":"key-1"}""",
        $$"""{"iss":"https://ehr.example.org","sub":"practitioner-42","aud":"smart-conformance","patient":"{{PatientClaim}}","exp":1767225600,"iat":1767222000}""");

    public static string MakeJwt(string headerJson, string claimsJson, string signature = "c2lnbmF0dXJlLXJlZGFjdGVk") =>
        $"{Base64Url(headerJson)}.{Base64Url(claimsJson)}.{signature}";

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static RunReport Create()
    {
        var checks = new List<CheckReport>
        {
            new()
            {
                Id = "DISC-01",
                Title = "smart-configuration is published",
                Group = "Discovery",
                Spec = new SpecReference("2.1 Discovery", "https://hl7.org/fhir/smart-app-launch/conformance.html"),
                Requirements = ["SMART-DISC-1", "SMART-DISC-2"],
                Verdict = Verdicts.Pass,
                Message = "GET .well-known/smart-configuration returned 200 with application/json.",
                DurationMs = 84,
                Exchanges =
                [
                    new ExchangeReport
                    {
                        Name = "smart-configuration",
                        Method = "GET",
                        Url = FhirBase + "/.well-known/smart-configuration",
                        Status = 200,
                        RequestHeaders = new Dictionary<string, string> { ["Accept"] = "application/json" },
                        ResponseHeaders = new Dictionary<string, string> { ["Content-Type"] = "application/json; charset=utf-8" },
                        ResponseBody = """{"issuer":"https://ehr.example.org","token_endpoint":"https://ehr.example.org/token","capabilities":["launch-ehr","client-public"]}""",
                        DurationMs = 80,
                        StartedAt = Start.AddMilliseconds(10),
                    },
                ],
            },
            new()
            {
                Id = "DISC-02",
                Title = "smart-configuration lists code_challenge_methods_supported",
                Group = "Discovery",
                Spec = new SpecReference("2.1 Discovery", "https://hl7.org/fhir/smart-app-launch/conformance.html#metadata"),
                Verdict = Verdicts.Warn,
                Message = "code_challenge_methods_supported is missing; S256 is assumed.",
                DurationMs = 3,
            },
            new()
            {
                Id = "TOK-01",
                Title = "Token endpoint rejects a reused authorization code",
                Group = "Token",
                Spec = new SpecReference("2.0.8 Obtain access token", "https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-access-token"),
                Requirements = ["SMART-TOK-7"],
                Verdict = Verdicts.Fail,
                Message = "The second exchange of the same code succeeded (200); it must fail with invalid_grant.\nSecond line with detail.",
                DurationMs = 1234,
                Exchanges =
                [
                    new ExchangeReport
                    {
                        Name = "token",
                        Method = "POST",
                        Url = "https://ehr.example.org/token",
                        Status = 200,
                        RequestHeaders = new Dictionary<string, string>
                        {
                            ["Content-Type"] = "application/x-www-form-urlencoded",
                            ["Authorization"] = "Basic [redacted]",
                        },
                        RequestBody = "grant_type=authorization_code&code=[redacted]&redirect_uri=http%3A%2F%2Flocalhost%3A5555%2Fcallback",
                        ResponseHeaders = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                        ResponseBody = $$"""{"access_token":"[redacted]","token_type":"Bearer","expires_in":3600,"id_token":"{{Jwt}}","patient":"123"}""",
                        DurationMs = 120,
                        StartedAt = Start.AddSeconds(1),
                    },
                    new ExchangeReport
                    {
                        Name = "patient-read",
                        Source = "browser",
                        Method = "GET",
                        Url = FhirBase + "/Patient/123",
                        Status = 401,
                        RequestHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Jwt },
                        ResponseHeaders = new Dictionary<string, string> { ["Content-Type"] = "text/html" },
                        ResponseBody = HostileBody,
                        ResponseBodyTruncated = true,
                        DurationMs = 33,
                        StartedAt = Start.AddSeconds(2),
                    },
                ],
                Artifacts =
                [
                    new ArtifactReport("After the second exchange", "screenshots/TOK-01 after.png", "screenshot"),
                    new ArtifactReport("Browser trace", "traces/TOK-01.zip", "trace"),
                ],
            },
            new()
            {
                Id = "TOK-02",
                Title = "Token endpoint answers over TLS",
                Group = "Token",
                Spec = new SpecReference("2.0.8 Obtain access token", "https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-access-token"),
                Verdict = Verdicts.Error,
                Message = "The token endpoint did not answer: connection refused.",
                DurationMs = 5000,
                Exchanges =
                [
                    new ExchangeReport
                    {
                        Method = "POST",
                        Url = "https://ehr.example.org/token",
                        Status = null,
                        Error = "Connection refused (ehr.example.org:443)",
                        DurationMs = 5000,
                        StartedAt = Start.AddSeconds(3),
                    },
                ],
            },
            new()
            {
                Id = "LAUNCH-01",
                Title = "EHR launch passes launch and iss",
                Group = "EHR launch",
                Spec = new SpecReference("2.0.2 EHR launch", "https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-ehr-launch"),
                Verdict = Verdicts.Skip,
                Message = "The profile does not support EHR launch (no launch-ehr capability).",
            },
        };

        return new RunReport
        {
            Suite = new SuiteInfo("SmartConformance", "0.1.0"),
            Target = new TargetInfo { FhirBaseUrl = FhirBase, Profile = "generic", Faults = ["reuse-code"] },
            StartedAt = Start,
            DurationMs = 12_345,
            Summary = RunSummary.Of(checks),
            Checks = checks,
            Notices = ["The redirect URI uses plain http (localhost)."],
        };
    }
}
