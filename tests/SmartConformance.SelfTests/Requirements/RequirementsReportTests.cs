using System.Text.Json;
using FluentAssertions;
using NJsonSchema;
using NUnit.Framework;
using SmartConformance.Cli;
using SmartConformance.Cli.Commands;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Requirements;
using SmartConformance.Harness.Smart;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;
using SmartConformance.SelfTests.Reports;

namespace SmartConformance.SelfTests.Requirements;

/// <summary>The requirements view in report.json, and list-requirements.</summary>
[NonParallelizable]
public sealed class RequirementsReportTests
{
    private static CheckReport Check(string id, string verdict, params string[] requirements) => new()
    {
        Id = id, Title = id, Group = "G", Spec = new SpecReference("s", "https://x"), Requirements = requirements, Verdict = verdict, Message = verdict + " message",
    };

    private static RequirementsReport Build(SmartConfiguration? discovery)
    {
        // DISC-01 passes, OIDC-01 runs against a server without sso-openid-connect, TOK-02 was filtered out of the run.
        var checks = new[]
        {
            Check("DISC-01", Verdicts.Pass, "hl7.fhir.uv.smart-app-launch_2.2.0@372", "hl7.fhir.uv.smart-app-launch_2.2.0@377"),
            Check("OIDC-01", Verdicts.Skip, "hl7.fhir.uv.smart-app-launch_2.2.0@200", "OIDC-Core@3.1.3.7"),
            Check("AUTHZ-01", Verdicts.Fail, "hl7.fhir.uv.smart-app-launch_2.2.0@59", "hl7.fhir.uv.smart-app-launch_2.2.0@76"),
        };
        var suite = ListChecksCommand.Explore().Select(c => new CheckDeclaration(c.Id, c.Requirements))
            .Append(new CheckDeclaration("TOK-02", ["hl7.fhir.uv.smart-app-launch_2.2.0@86"]));
        return RequirementsReportBuilder.Build(RequirementCatalog.Load(), suite, checks, discovery);
    }

    private static SmartConfiguration Discovery(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new SmartConfiguration(document.RootElement.Clone());
    }

    [Test]
    public void Every_row_gets_a_verdict_and_a_reason()
    {
        var view = Build(Discovery("""{"capabilities":["launch-standalone"]}"""));
        view.Rows.Should().HaveCount(263);
        view.Rows.Should().OnlyContain(r => r.Reason.Length > 0 && !r.Reason.Contains("no reason given"));
        view.Rows.Where(r => r.Checks.Count == 0).Should().OnlyContain(r => r.Verdict == RequirementVerdictNames.NotTested && r.NotTested != null);
        view.Coverage.Total.Should().Be(263);
        view.Coverage.InfernoTested.Should().Be(53);
        view.Coverage.ByLevel.Sum(l => l.Total).Should().Be(263);

        RowOf(view, "@377").Verdict.Should().Be("pass", "DISC-01, its only check, passed");
        RowOf(view, "@372").Verdict.Should().Be("skip", "OPEN-02 verifies it too and was not in the run");
        RowOf(view, "@59").Verdict.Should().Be("fail");
        RowOf(view, "@76").Verdict.Should().Be("warn", "@76 is a SHOULD");
        RowOf(view, "@86").Verdict.Should().Be("skip");
        RowOf(view, "@86").Reason.Should().Contain("TOK-02");
        var oidc = RowOf(view, "@200");
        oidc.Verdict.Should().Be("skip");
        oidc.Reason.Should().Contain("sso-openid-connect");
        view.References.Should().ContainSingle(r => r.Id == "OIDC-Core@3.1.3.7").Which.Checks.Should().BeEquivalentTo("OIDC-01", "OIDC-02", "OIDC-03");
    }

    [Test]
    public async Task The_view_validates_against_the_report_schema_and_reads_back()
    {
        var report = SampleReports.Create() with { Requirements = Build(null) };
        var text = JsonReportWriter.Serialize(report);

        var schema = await JsonSchema.FromJsonAsync(ReportSchema.Read()
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal)
            .Replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal));
        schema.Validate(text).Should().BeEmpty();
        JsonReportReader.Parse(text).Should().BeEquivalentTo(report);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("requirements").GetProperty("rows")[0].GetProperty("verdict").GetString().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task List_requirements_prints_the_counts_and_the_Inferno_comparison_without_running_anything()
    {
        var text = await Capture("list-requirements");
        text.Should().MatchRegex(@"\d+ of 263 tested, \d+ explained, 0 unaccounted\.");
        text.Should().Contain("Inferno's SMART App Launch Test Kit links 53 of 263 requirements to a test");
        text.Should().Contain("@14 ");

        using var json = JsonDocument.Parse(await Capture("list-requirements", "--format", "json"));
        var coverage = json.RootElement.GetProperty("coverage");
        coverage.GetProperty("total").GetInt32().Should().Be(263);
        (coverage.GetProperty("tested").GetInt32() + coverage.GetProperty("explained").GetInt32()).Should().Be(263);
        json.RootElement.GetProperty("requirements").GetArrayLength().Should().Be(263);

        (await Capture("list-requirements", "--format", "markdown")).Should().StartWith("| Requirements");
    }

    private static RequirementReport RowOf(RequirementsReport view, string suffix) =>
        view.Rows.Single(r => r.Id == RequirementCatalog.SmartAppLaunchPrefix + suffix[1..]);

    private static async Task<string> Capture(params string[] args)
    {
        var previous = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            (await Program.Main(args)).Should().Be(ExitCodes.Passed);
        }
        finally { Console.SetOut(previous); }
        return output.ToString();
    }
}
