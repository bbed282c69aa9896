using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Running;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Reports;

/// <summary>report.html shows the requirements view: every row, its link, level, checks with their verdicts, and the roll-up.</summary>
public sealed class RequirementsHtmlTests
{
    private static CheckReport Check(string id, string verdict, params string[] requirements) => new()
    {
        Id = id, Title = id, Group = "G", Spec = new SpecReference("s", "https://x"), Requirements = requirements, Verdict = verdict, Message = verdict,
    };

    private static readonly IReadOnlyList<CheckReport> Checks =
    [
        Check("DISC-01", Verdicts.Pass, "hl7.fhir.uv.smart-app-launch_2.2.0@372"),
        Check("AUTHZ-01", Verdicts.Fail, "hl7.fhir.uv.smart-app-launch_2.2.0@59"),
    ];

    private static readonly RunReport Report = SampleReports.Create() with
    {
        Checks = Checks,
        Requirements = RequirementsReportBuilder.Build(Checks, discovery: null),
    };

    private static readonly string Html = HtmlReportWriter.Render(Report);

    [Test]
    public void Every_requirement_row_is_on_the_page()
    {
        Report.Requirements!.Rows.Should().HaveCount(263);
        Regex.Matches(Html, "<tr id=\"req-\\d+\">").Should().HaveCount(Report.Requirements.Rows.Count);
        Html.Should().Contain("id=\"requirements\"").And.Contain("href=\"#requirements\"");
    }

    [Test]
    public void A_tested_row_links_the_spec_and_shows_its_checks_with_their_verdicts()
    {
        var row = Report.Requirements!.Rows.Single(r => r.Id.EndsWith("@59", StringComparison.Ordinal));
        var html = Regex.Match(Html, "<tr id=\"req-59\">.*?</tr>", RegexOptions.Singleline).Value;
        html.Should().Contain($"href=\"{System.Net.WebUtility.HtmlEncode(row.Url)}\"").And.Contain(row.Level)
            .And.Contain("href=\"#AUTHZ-01\"").And.Contain("AUTHZ-01 fail").And.Contain("badge v-fail");
    }

    [Test]
    public void An_untested_row_gives_its_reason()
    {
        var row = Report.Requirements!.Rows.First(r => r.NotTested is not null && r.Checks.Count == 0);
        var html = Regex.Match(Html, $"<tr id=\"req-{row.Id[(row.Id.LastIndexOf('@') + 1)..]}\">.*?</tr>", RegexOptions.Singleline).Value;
        html.Should().Contain(row.NotTested).And.Contain("Not tested");
    }

    [Test]
    public void Failing_requirements_are_open_and_the_rest_collapsed()
    {
        Html.Should().Contain("<details class=\"req-group\" data-requirement-verdict=\"fail\" open>");
        Html.Should().Contain("<details class=\"req-group\" data-requirement-verdict=\"not-tested\">");
    }
}
