using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Evidence;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Cli;

/// <summary>Browser files in the report: paths relative to the report folder, and a file that was never written marked "missing".</summary>
public sealed class ReportBuilderArtifactTests
{
    [Test]
    public void A_saved_screenshot_keeps_its_kind_and_a_relative_path()
    {
        var reportDir = RepoPaths.NewTempDirectory("artifacts");
        var file = Path.Combine(reportDir, "artifacts", "launch-001.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, [0x89, 0x50, 0x4e, 0x47]);

        var artifact = ReportBuilder.ToReport(new BrowserArtifact("after step 1 — secret-value", file), reportDir, Redactor.For(["secret-value"], []));

        artifact.Kind.Should().Be("screenshot");
        artifact.Path.Should().Be("artifacts/launch-001.png");
        artifact.Title.Should().NotContain("secret-value", "titles are redacted like everything else");
    }

    [Test]
    public void A_file_that_was_never_written_becomes_a_missing_artifact()
    {
        var reportDir = RepoPaths.NewTempDirectory("artifacts-missing");
        var file = Path.Combine(reportDir, "artifacts", "launch-002.png");

        var screenshot = ReportBuilder.ToReport(new BrowserArtifact("after step 2", file), reportDir, Redactor.None);
        var alreadyMissing = ReportBuilder.ToReport(new BrowserArtifact("where the browser stopped (no screenshot: closed)", file, "missing"), reportDir, Redactor.None);

        screenshot.Kind.Should().Be("missing");
        screenshot.Title.Should().Be("after step 2 (the screenshot file was not saved)");
        alreadyMissing.Kind.Should().Be("missing");
        alreadyMissing.Title.Should().Be("where the browser stopped (no screenshot: closed)");
    }
}
