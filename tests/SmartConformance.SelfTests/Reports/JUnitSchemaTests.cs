using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Reports;

/// <summary>junit.xml against the common JUnit schema (Reports/Schemas/junit.xsd) that CI systems read.</summary>
public sealed class JUnitSchemaTests
{
    [Test]
    public void Every_verdict_hostile_text_and_an_unknown_verdict_validate()
    {
        var report = SampleReports.Create();
        var odd = report.Checks[0] with { Id = "ODD-01", Verdict = "maybe", Message = "control \u0001 chars & <tags> \"quoted\"" };
        report = report with { Checks = [.. report.Checks, odd] };

        JUnitSchema.Problems(JUnitReportWriter.Render(report)).Should().BeEmpty();
    }

    [Test]
    public void A_run_without_checks_validates()
    {
        var report = SampleReports.Create() with { Checks = [], Summary = new RunSummary(0, 0, 0, 0, 0) };

        JUnitSchema.Problems(JUnitReportWriter.Render(report)).Should().BeEmpty();
    }

    [Test]
    public void The_schema_rejects_what_ci_readers_would_choke_on()
    {
        var valid = XDocument.Parse(JUnitReportWriter.Render(SampleReports.Create()));

        var noName = new XDocument(valid);
        noName.Descendants("testcase").First().Attribute("name")!.Remove();
        var badTime = new XDocument(valid);
        badTime.Descendants("testcase").First().SetAttributeValue("time", "1,5 s");
        var failureOutsideACase = new XDocument(valid);
        failureOutsideACase.Root!.Element("testsuite")!.Add(new XElement("failure", new XAttribute("message", "x")));

        JUnitSchema.Problems(noName.ToString()).Should().ContainSingle().Which.Should().Contain("name");
        JUnitSchema.Problems(badTime.ToString()).Should().NotBeEmpty();
        JUnitSchema.Problems(failureOutsideACase.ToString()).Should().NotBeEmpty();
    }
}

/// <summary>Validates JUnit XML with System.Xml.Schema against the schema shipped beside these tests.</summary>
public static class JUnitSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(RepoPaths.Root, "tests", "SmartConformance.SelfTests", "Reports", "Schemas", "junit.xsd"));
        set.Compile();
        return set;
    });

    public static IReadOnlyList<string> Problems(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return problems;
    }
}
