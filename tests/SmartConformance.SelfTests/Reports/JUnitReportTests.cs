using System.Globalization;
using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Reports;

public sealed class JUnitReportTests
{
    private static XElement Root(RunReport? report = null) =>
        XDocument.Parse(JUnitReportWriter.Render(report ?? SampleReports.Create())).Root!;

    private static XElement Case(XElement root, string id) =>
        root.Descendants("testcase").Single(t => ((string)t.Attribute("name")!).StartsWith(id + " ", StringComparison.Ordinal));

    [Test]
    public void Root_counts_every_verdict()
    {
        var root = Root();

        root.Name.LocalName.Should().Be("testsuites");
        ((string?)root.Attribute("name")).Should().Be("SmartConformance");
        ((int)root.Attribute("tests")!).Should().Be(5);
        ((int)root.Attribute("failures")!).Should().Be(1);
        ((int)root.Attribute("errors")!).Should().Be(1);
        ((int)root.Attribute("skipped")!).Should().Be(1);
        ((string?)root.Attribute("time")).Should().Be("12.345");
    }

    [Test]
    public void One_suite_per_group_and_one_case_per_check()
    {
        var root = Root();

        root.Elements("testsuite").Select(s => (string?)s.Attribute("name")).Should().Equal("Discovery", "Token", "EHR launch");
        var token = root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "Token");
        ((int)token.Attribute("tests")!).Should().Be(2);
        ((int)token.Attribute("failures")!).Should().Be(1);
        ((int)token.Attribute("errors")!).Should().Be(1);
        ((int)token.Attribute("skipped")!).Should().Be(0);
        ((string?)token.Attribute("time")).Should().Be("6.234");

        var testCase = Case(root, "TOK-01");
        ((string?)testCase.Attribute("name")).Should().Be("TOK-01 Token endpoint rejects a reused authorization code");
        ((string?)testCase.Attribute("classname")).Should().Be("Token");
        ((string?)testCase.Attribute("time")).Should().Be("1.234");
    }

    [Test]
    public void Failure_carries_first_line_full_message_spec_and_exchanges()
    {
        var failure = Case(Root(), "TOK-01").Element("failure")!;

        ((string?)failure.Attribute("type")).Should().Be("fail");
        ((string?)failure.Attribute("message")).Should().Be("The second exchange of the same code succeeded (200); it must fail with invalid_grant.");
        failure.Value.Should().Contain("Second line with detail.")
            .And.Contain("https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-access-token")
            .And.Contain("POST https://ehr.example.org/token → 200")
            .And.Contain("GET https://ehr.example.org/fhir/Patient/123 → 401");
    }

    [Test]
    public void Error_skip_warn_and_pass_have_their_own_shapes()
    {
        var root = Root();

        var error = Case(root, "TOK-02").Element("error")!;
        ((string?)error.Attribute("message")).Should().Be("The token endpoint did not answer: connection refused.");
        ((string?)error.Attribute("type")).Should().Be("error");
        error.Value.Should().Contain("POST https://ehr.example.org/token → no response: Connection refused");

        var skipped = Case(root, "LAUNCH-01").Element("skipped")!;
        ((string?)skipped.Attribute("message")).Should().Contain("does not support EHR launch");

        var warn = Case(root, "DISC-02");
        warn.Elements().Select(e => e.Name.LocalName).Should().NotContain(["failure", "error", "skipped"]);
        warn.Element("system-out")!.Value.Should().StartWith("WARNING: code_challenge_methods_supported is missing");

        Case(root, "DISC-01").Elements().Select(e => e.Name.LocalName).Should().Equal("properties");
    }

    [Test]
    public void Test_cases_carry_id_spec_and_requirements_as_properties()
    {
        var properties = Case(Root(), "DISC-01").Element("properties")!.Elements("property")
            .ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);

        properties.Should().Contain("checkId", "DISC-01")
            .And.Contain("specUrl", "https://hl7.org/fhir/smart-app-launch/conformance.html")
            .And.Contain("requirements", "SMART-DISC-1, SMART-DISC-2");
    }

    [Test]
    public void Times_use_a_dot_whatever_the_culture()
    {
        var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = commaCulture;
        try
        {
            var root = Root();
            root.DescendantsAndSelf().Select(e => (string?)e.Attribute("time")).OfType<string>()
                .Should().NotBeEmpty().And.OnlyContain(t => !t.Contains(',') && double.Parse(t, CultureInfo.InvariantCulture) >= 0);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Test]
    public void Characters_xml_cannot_carry_do_not_break_the_file()
    {
        var report = SampleReports.Create();
        var check = report.Checks[2] with { Message = "bad \u0001 byte \uD800 and <tags> & \"quotes\"" };
        report = report with { Checks = [check] };

        var root = Root(report);

        var failure = root.Descendants("failure").Single();
        ((string?)failure.Attribute("message")).Should().Be("bad \uFFFD byte \uFFFD and <tags> & \"quotes\"");
    }

    [Test]
    public void An_unknown_verdict_is_reported_as_an_error()
    {
        var report = SampleReports.Create();
        report = report with { Checks = [report.Checks[0] with { Verdict = "inconclusive" }] };

        var root = Root(report);

        ((int)root.Attribute("errors")!).Should().Be(1);
        ((string?)root.Descendants("error").Single().Attribute("message")).Should().StartWith("Unknown verdict 'inconclusive'.");
        HtmlReportWriter.Render(report).Should().Contain("class=\"badge v-other\">inconclusive<");
    }

    [Test]
    public void Written_file_is_utf8_without_bom_with_a_declaration()
    {
        var path = Path.Combine(Path.GetTempPath(), $"junit-{Guid.NewGuid():N}.xml");
        try
        {
            JUnitReportWriter.Write(SampleReports.Create(), path);
            var bytes = File.ReadAllBytes(path);
            bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
            File.ReadAllText(path).Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
