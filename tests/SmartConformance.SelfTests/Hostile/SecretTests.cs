using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Running;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>
/// Client secrets, passwords, codes, PKCE verifiers, tokens and Authorization headers never reach report.json,
/// report.html, junit.xml or the console, in raw, URL-encoded or base64 form, unless --no-redact asks for them.
/// </summary>
[NonParallelizable]
public sealed class SecretTests
{
    private const string ClientSecret = "hostile-client-secret-91c4d7e2";

    private static void ConfidentialClient(JsonObject profile)
    {
        profile["clients"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "confidential", ["clientId"] = "hostile-confidential", ["clientSecret"] = ClientSecret, ["authentication"] = "client_secret_basic",
        });
        profile["launches"]!["standalonePatient"]!["client"] = "confidential";
    }

    [Test]
    public async Task No_secret_of_a_confidential_launch_reaches_any_output_in_any_form()
    {
        var run = await HostileRuns.RunAsync(Behaviours.Baseline, changeProfile: ConfidentialClient);
        run.ShouldHaveEndedCleanly(TimeSpan.FromSeconds(60));
        run.Check("TOK-01").Verdict.Should().Be("pass", run.Console);

        var seen = run.Result.Redactor!.Secrets.Where(s => s.Length >= 8).ToList();
        seen.Should().Contain(s => s.StartsWith("hostile-access-")).And.Contain(s => s.StartsWith("hostile-refresh-"))
            .And.Contain(s => s.StartsWith("hostile-code-")).And.Contain(HostileProfile.Password).And.Contain(ClientSecret);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"hostile-confidential:{ClientSecret}"));
        var outputs = run.Outputs();
        foreach (var secret in seen.Append(basic))
            foreach (var form in HostileCases.LeakForms(secret))
                outputs.Should().NotContain(o => o.Contains(form), $"the secret ending …{secret[^4..]} must be redacted");
        var json = File.ReadAllText(Path.Combine(run.ReportDirectory, "report.json"));
        json.Should().Contain("code_verifier=«redacted code_verifier", "the PKCE verifier is hidden in the token request")
            .And.Contain("Basic «redacted credentials", "the Authorization header keeps only its scheme")
            .And.Contain("«id_token signature redacted»", "a JWT keeps its header and claims, never its signature");
    }

    [Test]
    public async Task No_redact_keeps_secrets_but_says_so_first_in_the_report_and_on_the_console()
    {
        var run = await HostileRuns.RunAsync(Behaviours.Baseline, changeOptions: o => o with { NoRedact = true });
        run.ShouldHaveEndedCleanly(TimeSpan.FromSeconds(60));

        run.Report.Notices[0].Should().Be(RunNotices.NoRedact);
        run.Console.Split('\n')[0].Should().StartWith("WARNING: ").And.Contain("--no-redact");
        run.Console.TrimEnd().Split('\n')[^1].Should().Contain("CONTAINS SECRETS");
        File.ReadAllText(Path.Combine(run.ReportDirectory, "report.json")).Should().Contain(HostileProfile.Password, "--no-redact really leaves the evidence as it was");
    }
}
