using System.Collections.Concurrent;
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
/// Every check is proven to fail: the faultless reference server passes every check, and each named fault makes the
/// checks it names fail (or warn), and no other. By default (<see cref="MatrixScope"/>) a fault's run has only the
/// checks it names, so "no other" is proven only with SMART_MATRIX=full, where every run has every check. The matrix is
/// written to reports/fault-matrix.json and fault-matrix.html. The fault runs go to <see cref="MatrixWorkers.Count"/>
/// worker processes (<see cref="MatrixWorkerPool"/>), each running one after another (each run with its own reference
/// server and browser), so they go side by side without paying a process start each; NUnit never runs these cases alongside other fixtures (none is parallelizable).
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class FaultMatrixTests
{
    /// <summary>
    /// A targeted run takes seconds and a whole run (SMART_MATRIX=full) under a minute on an idle 2-core machine, but over
    /// 5 on one loaded many times over (seen); a run still going after this has stalled, and its worker is killed.
    /// </summary>
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(MatrixScope.Full ? 15 : 5);

    private static readonly ConcurrentBag<FaultMatrixRow> Matrix = [];
    private MatrixWorkerPool? _workers;

    // Checks that do not apply to the reference server, each with the reason it skips; every other check must pass.
    private static readonly Dictionary<string, string> NotApplicableToReference = new()
    {
    };

    public static IEnumerable<TestCaseData> Faults() => FaultCatalog.All.Select(f =>
        new TestCaseData(f.Name).SetName(
            $"Fault {f.Name} {(f.ExpectedChecks.Count > 0 ? "fails" : "warns")}{(MatrixScope.Full ? " exactly" : "")} " +
            string.Join(", ", f.ExpectedChecks.Count > 0 ? f.ExpectedChecks : f.ExpectedWarnings ?? [])));

    [OneTimeSetUp]
    public void StartWorkerPool() => _workers = new MatrixWorkerPool(MatrixWorkers.Count);

    [Test]
    public async Task The_faultless_reference_server_passes_every_check()
    {
        // The faultless run other tests read too.
        var run = await SuiteRuns.FaultlessAsync();
        var (exitCode, dir, console) = (run.Result.ExitCode, run.ReportDirectory, run.Console);
        var report = run.Result.Report ?? throw new AssertionException($"The faultless run wrote no report: {run.Result.Problem}\n{console}");
        if (SuiteRuns.Stall(run.Result) is { } stall) Assert.Fail($"The faultless run stalled. {stall}\n{console}");

        exitCode.Should().Be(ExitCodes.Passed, console);
        var verdicts = report.Checks.ToDictionary(c => c.Id, c => $"{c.Verdict}: {c.Message}");
        verdicts.Where(v => !NotApplicableToReference.ContainsKey(v.Key)).Should().OnlyContain(v => v.Value.StartsWith("pass"), console);
        // OnlyContain fails on an empty collection, and every check may apply.
        if (NotApplicableToReference.Count > 0)
            verdicts.Where(v => NotApplicableToReference.ContainsKey(v.Key)).Should().OnlyContain(v => v.Value.StartsWith("skip"), console);
        var failing = report.Checks.Where(c => c.Verdict is Verdicts.Fail or Verdicts.Error).Select(c => c.Id).Order().ToList();
        var warning = report.Checks.Where(c => c.Verdict is Verdicts.Warn).Select(c => c.Id).Order().ToList();
        Matrix.Add(new FaultMatrixRow
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
        var expectedWarnings = fault.ExpectedWarnings ?? [];
        var named = fault.ExpectedChecks.Concat(expectedWarnings).Distinct().ToList();
        var (exitCode, report, console) = await RunAsync(faultName, MatrixScope.Full ? null : named);
        if (!MatrixScope.Full)
            report.Checks.Select(c => c.Id).Should().BeEquivalentTo(named, "the targeted run has exactly the checks the fault names");

        var failing = report.Checks.Where(c => c.Verdict is Verdicts.Fail or Verdicts.Error).Select(c => c.Id).OrderBy(i => i).ToList();
        var warning = report.Checks.Where(c => c.Verdict is Verdicts.Warn).Select(c => c.Id).OrderBy(i => i).ToList();
        Matrix.Add(new FaultMatrixRow
        {
            Fault = faultName, Description = fault.Description, Spec = fault.Spec, OnlyNamedChecksRan = !MatrixScope.Full,
            Expected = fault.ExpectedChecks, Actual = failing, ExpectedWarnings = expectedWarnings, ActualWarnings = warning,
            Caught = failing.SequenceEqual(fault.ExpectedChecks.OrderBy(i => i)) && warning.SequenceEqual(expectedWarnings.OrderBy(i => i)),
        });
        failing.Should().BeEquivalentTo(fault.ExpectedChecks, console);
        warning.Should().BeEquivalentTo(expectedWarnings, console);
        if (fault.ExpectedChecks.Count == 0)
        {
            exitCode.Should().Be(ExitCodes.Passed, "warnings alone do not fail a run");
            return;
        }
        exitCode.Should().Be(ExitCodes.ChecksFailed, console);
        report.Checks.Where(c => fault.ExpectedChecks.Contains(c.Id)).Should().OnlyContain(c => c.Verdict == Verdicts.Fail,
            "a fault in the server is a failed requirement, not an undecided check");
    }

    /// <summary>One run with the fault, once a worker is free; a run that stalls or ends without a report fails here.</summary>
    private async Task<(int ExitCode, RunReport Report, string Console)> RunAsync(string fault, IReadOnlyCollection<string>? filter)
    {
        var run = await _workers!.RunAsync(fault, [fault], filter is null ? null : string.Join(',', filter), StallLimit);
        if (run.ExitCode is not { } exitCode)
            Assert.Fail($"The run with fault {fault} stalled. {(run.Report is null ? "" : "Its partial report: " + string.Join("; ", run.Report.Notices))}\n{run.Console}");
        if (run.Report is null)
            Assert.Fail($"The run with fault {fault} exited with {run.ExitCode} and wrote no report.\n{run.Console}");
        return (run.ExitCode!.Value, run.Report!, run.Console);
    }

    [OneTimeTearDown]
    public async Task WriteMatrixAsync()
    {
        if (_workers is not null) await _workers.DisposeAsync();
        if (Matrix.IsEmpty) return;
        // Runs finish in any order side by side; the faultless row first, then by fault name, keeps the files stable.
        var rows = Matrix.OrderBy(r => r.Fault is not null).ThenBy(r => r.Fault, StringComparer.Ordinal).ToList();
        var folder = Path.Combine(RepoPaths.Root, "reports");
        var json = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        File.WriteAllText(Path.Combine(folder, "fault-matrix.json"), JsonSerializer.Serialize(rows, json));
        FaultMatrixHtmlWriter.Write(rows, Path.Combine(folder, FaultMatrixHtmlWriter.FileName));
    }
}
