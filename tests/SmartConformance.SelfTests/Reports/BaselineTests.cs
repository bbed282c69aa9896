using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Reports;

/// <summary>--baseline: which checks are new failures, fixed, or unchanged failures, and how the reports show it.</summary>
public sealed class BaselineTests
{
    private static RunReport WithVerdicts(params (string Id, string Verdict)[] checks)
    {
        var template = SampleReports.Create();
        return template with
        {
            Checks = checks.Select(c => template.Checks[0] with { Id = c.Id, Title = c.Id + " title", Verdict = c.Verdict }).ToList(),
        };
    }

    [Test]
    public void Fail_and_error_count_as_failing_and_checks_are_sorted_into_the_three_lists()
    {
        var before = WithVerdicts(("A", Verdicts.Pass), ("B", Verdicts.Fail), ("C", Verdicts.Error), ("D", Verdicts.Fail), ("E", Verdicts.Skip), ("F", Verdicts.Fail));
        var now = WithVerdicts(("A", Verdicts.Fail), ("B", Verdicts.Pass), ("C", Verdicts.Fail), ("D", Verdicts.Warn), ("E", Verdicts.Error), ("F", Verdicts.Skip), ("NEW", Verdicts.Error));

        var comparison = BaselineComparer.Compare(now, before, "base/report.json");

        comparison.NewFailures.Should().BeEquivalentTo([
            new BaselineChange("A", "A title", Verdicts.Fail, Verdicts.Pass),
            new BaselineChange("E", "E title", Verdicts.Error, Verdicts.Skip),
            new BaselineChange("NEW", "NEW title", Verdicts.Error, null),
        ]);
        comparison.Fixed.Select(c => c.Id).Should().Equal("B", "D");
        comparison.UnchangedFailures.Should().ContainSingle().Which.Should().Be(new BaselineChange("C", "C title", Verdicts.Fail, Verdicts.Error));
        comparison.Path.Should().Be("base/report.json");
        comparison.StartedAt.Should().Be(before.StartedAt);
    }

    [Test]
    public void A_check_skipped_now_is_neither_fixed_nor_failing()
    {
        var comparison = BaselineComparer.Compare(WithVerdicts(("A", Verdicts.Skip)), WithVerdicts(("A", Verdicts.Fail)), "b.json");

        comparison.NewFailures.Should().BeEmpty();
        comparison.Fixed.Should().BeEmpty();
        comparison.UnchangedFailures.Should().BeEmpty();
    }

    [Test]
    public async Task The_comparison_round_trips_through_report_json_and_validates_against_the_schema()
    {
        var now = WithVerdicts(("A", Verdicts.Fail), ("B", Verdicts.Pass));
        var report = now with { Baseline = BaselineComparer.Compare(now, WithVerdicts(("B", Verdicts.Fail)), "old/report.json") };

        var text = JsonReportWriter.Serialize(report);

        JsonReportReader.Parse(text).Baseline.Should().BeEquivalentTo(report.Baseline);
        var node = JsonNode.Parse(text)!["baseline"]!;
        node["newFailures"]![0]!.ToJsonString().Should().Be("""{"id":"A","title":"A title","verdict":"fail"}""", "a check the baseline lacked has no baselineVerdict");
        node["fixed"]![0]!["baselineVerdict"]!.GetValue<string>().Should().Be("fail");
        (await JsonReportTests.LoadSchemaForTests()).Validate(text).Should().BeEmpty();
    }

    [Test]
    public void A_report_without_a_baseline_writes_no_baseline_member_and_old_reports_still_read()
    {
        var text = JsonReportWriter.Serialize(SampleReports.Create());
        JsonNode.Parse(text)!.AsObject().ContainsKey("baseline").Should().BeFalse();

        var old = JsonNode.Parse(text)!.AsObject();
        old.Remove("artifacts");
        JsonReportReader.Parse(old.ToJsonString()).Artifacts.Should().BeEmpty("schema version 1 reports without run artifacts stay readable");
    }

    [Test]
    public void The_html_report_lists_new_failures_fixed_and_unchanged_failures_above_the_summary()
    {
        var now = WithVerdicts(("A", Verdicts.Fail), ("B", Verdicts.Pass), ("C", Verdicts.Error));
        var report = now with { Baseline = BaselineComparer.Compare(now, WithVerdicts(("B", Verdicts.Fail), ("C", Verdicts.Fail)), "old/<report>.json") };

        var html = HtmlReportWriter.Render(report);

        html.IndexOf("id=\"sc-baseline\"", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("class=\"overview\"", StringComparison.Ordinal));
        html.Should().Contain("old/&lt;report&gt;.json");
        html.Should().Contain("<div class=\"baseline-list new\" data-baseline=\"new\"><h3>New failures <b class=\"n\">1</b></h3>");
        html.Should().Contain("<a class=\"check-id\" href=\"#A\">A</a> A title <span class=\"was\">not in the baseline → Fail</span>");
        html.Should().Contain("<a class=\"check-id\" href=\"#B\">B</a> B title <span class=\"was\">Fail → Pass</span>");
        html.Should().Contain("<a class=\"check-id\" href=\"#C\">C</a> C title <span class=\"was\">Fail → Error</span>");
        HtmlReportWriter.Render(now).Should().NotContain("sc-baseline");
    }
}
