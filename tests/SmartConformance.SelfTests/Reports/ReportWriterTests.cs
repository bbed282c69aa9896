using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports;

namespace SmartConformance.SelfTests.Reports;

public sealed class ReportWriterTests
{
    private string directory = null!;

    [SetUp]
    public void SetUp() => directory = Path.Combine(Path.GetTempPath(), "smartconformance-reports-" + Guid.NewGuid().ToString("N"), "nested");

    [TearDown]
    public void TearDown() => Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);

    [Test]
    public void WriteAll_creates_the_folder_and_the_three_files()
    {
        var report = SampleReports.Create();

        var files = ReportWriter.WriteAll(report, directory);

        files.Json.Should().Be(Path.Combine(Path.GetFullPath(directory), "report.json"));
        files.JUnit.Should().Be(Path.Combine(Path.GetFullPath(directory), "junit.xml"));
        files.Html.Should().Be(Path.Combine(Path.GetFullPath(directory), "report.html"));
        JsonReportReader.Read(files.Json).Should().BeEquivalentTo(report);
        XDocument.Load(files.JUnit).Root!.Name.LocalName.Should().Be("testsuites");
        File.ReadAllText(files.Html).Should().StartWith("<!DOCTYPE html>");
    }

    [Test]
    public void WriteAll_replaces_an_earlier_report()
    {
        ReportWriter.WriteAll(SampleReports.Create(), directory);
        var second = SampleReports.Create() with { DurationMs = 1 };

        var files = ReportWriter.WriteAll(second, directory);

        JsonReportReader.Read(files.Json).DurationMs.Should().Be(1);
    }

    [Test]
    public void Reading_a_file_that_is_not_a_report_names_the_file()
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "report.json");
        File.WriteAllText(path, "{}");

        var read = () => JsonReportReader.Read(path);

        read.Should().Throw<InvalidDataException>().WithMessage($"{path}:*");
    }
}
