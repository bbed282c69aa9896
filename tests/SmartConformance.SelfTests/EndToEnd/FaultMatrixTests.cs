using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Commands;
using SmartConformance.Cli.Running;
using SmartConformance.ReferenceServer;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.EndToEnd;

/// <summary>
/// Every check is proven to fail: the faultless reference server passes every check, and each named fault
/// makes exactly the checks it names fail, and no other. The matrix is written to reports/fault-matrix.json and fault-matrix.html.
/// </summary>
[NonParallelizable]
public sealed class FaultMatrixTests
{
    private static readonly List<FaultMatrixRow> Matrix = [];

    // Checks that do not apply to the reference server, each with the reason it skips; every other check must pass.
    private static readonly Dictionary<string, string> NotApplicableToReference = new()
    {
    };

    public static IEnumerable<TestCaseData> Faults() => FaultCatalog.All.Select(f =>
        new TestCaseData(f.Name).SetName(f.ExpectedChecks.Count > 0
            ? $"Fault {f.Name} fails exactly {string.Join(", ", f.ExpectedChecks)}"
            : $"Fault {f.Name} warns exactly {string.Join(", ", f.ExpectedWarnings ?? [])}"));

    [Test]
    public async Task The_faultless_reference_server_passes_every_check()
    {
        var (result, dir, console) = await SuiteRuns.AgainstReferenceAsync("faultless");

        result.ExitCode.Should().Be(ExitCodes.Passed, console);
        var verdicts = result.Report!.Checks.ToDictionary(c => c.Id, c => $"{c.Verdict}: {c.Message}");
        verdicts.Where(v => !NotApplicableToReference.ContainsKey(v.Key)).Should().OnlyContain(v => v.Value.StartsWith("pass"), console);
        // OnlyContain fails on an empty collection, and every check may apply.
        if (NotApplicableToReference.Count > 0)
            verdicts.Where(v => NotApplicableToReference.ContainsKey(v.Key)).Should().OnlyContain(v => v.Value.StartsWith("skip"), console);
        var failing = result.Report.Checks.Where(c => c.Verdict is Verdicts.Fail or Verdicts.Error).Select(c => c.Id).Order().ToList();
        var warning = result.Report.Checks.Where(c => c.Verdict is Verdicts.Warn).Select(c => c.Id).Order().ToList();
        lock (Matrix) Matrix.Add(new FaultMatrixRow
        {
            Description = "The reference server as shipped: every check passes", Actual = failing, ActualWarnings = warning,
            Caught = failing.Count == 0 && warning.Count == 0,
        });
        verdicts.Keys.Should().BeEquivalentTo(ListChecksCommand.Explore().Select(c => c.Id), "every check ran");
        File.Exists(Path.Combine(dir, "report.html")).Should().BeTrue();
        File.Exists(Path.Combine(dir, "report.json")).Should().BeTrue();
        File.Exists(Path.Combine(dir, "junit.xml")).Should().BeTrue();
    }

    [TestCaseSource(nameof(Faults))]
    public async Task Each_fault_is_caught_by_the_checks_it_names_and_no_other(string faultName)
    {
        var fault = FaultCatalog.Find(faultName)!;
        var (result, _, console) = await SuiteRuns.AgainstReferenceAsync(faultName, faultName);

        var failing = result.Report!.Checks.Where(c => c.Verdict is Verdicts.Fail or Verdicts.Error).Select(c => c.Id).OrderBy(i => i).ToList();
        var warning = result.Report.Checks.Where(c => c.Verdict is Verdicts.Warn).Select(c => c.Id).OrderBy(i => i).ToList();
        var expectedWarnings = fault.ExpectedWarnings ?? [];
        lock (Matrix) Matrix.Add(new FaultMatrixRow
        {
            Fault = faultName, Description = fault.Description, Spec = fault.Spec,
            Expected = fault.ExpectedChecks, Actual = failing, ExpectedWarnings = expectedWarnings, ActualWarnings = warning,
            Caught = failing.SequenceEqual(fault.ExpectedChecks.OrderBy(i => i)) && warning.SequenceEqual(expectedWarnings.OrderBy(i => i)),
        });
        failing.Should().BeEquivalentTo(fault.ExpectedChecks, console);
        warning.Should().BeEquivalentTo(expectedWarnings, console);
        if (fault.ExpectedChecks.Count == 0)
        {
            result.ExitCode.Should().Be(ExitCodes.Passed, "warnings alone do not fail a run");
            return;
        }
        result.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        result.Report.Checks.Where(c => fault.ExpectedChecks.Contains(c.Id)).Should().OnlyContain(c => c.Verdict == Verdicts.Fail,
            "a fault in the server is a failed requirement, not an undecided check");
    }

    [OneTimeTearDown]
    public void WriteMatrix()
    {
        if (Matrix.Count == 0) return;
        var folder = Path.Combine(RepoPaths.Root, "reports");
        var json = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        File.WriteAllText(Path.Combine(folder, "fault-matrix.json"), JsonSerializer.Serialize(Matrix, json));
        FaultMatrixHtmlWriter.Write(Matrix, Path.Combine(folder, FaultMatrixHtmlWriter.FileName));
    }
}
