using System.Threading.Channels;
using SmartConformance.MatrixWorker;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Support;

/// <summary>
/// How a fault-matrix run ended: its exit code (null when it stalled and its worker was killed), the report.json it wrote
/// (null when it wrote none), and everything it printed (the explanation for a failed assertion).
/// </summary>
public sealed record MatrixRun(int? ExitCode, RunReport? Report, string Console);

/// <summary>
/// <see cref="MatrixWorkers.Count"/> worker processes that run the fault matrix's runs, each one run at a time. A worker
/// starts on first use; one killed for a stalled run is replaced on the next.
/// </summary>
public sealed class MatrixWorkerPool : IAsyncDisposable
{
    private readonly Channel<MatrixWorkerProcess?> _idle = Channel.CreateUnbounded<MatrixWorkerProcess?>();
    private readonly List<MatrixWorkerProcess> _started = [];

    public MatrixWorkerPool(int size)
    {
        for (var i = 0; i < size; i++) _idle.Writer.TryWrite(null);
    }

    /// <param name="filter">Only these checks (the run command's --filter); null runs every check.</param>
    public async Task<MatrixRun> RunAsync(string label, IReadOnlyList<string> faults, string? filter, TimeSpan stallLimit)
    {
        var reportDir = RepoPaths.NewTempDirectory(label);
        var worker = await _idle.Reader.ReadAsync() ?? StartWorker();
        MatrixRunResponse? response = null;
        string chatter;
        try
        {
            response = await worker.RunAsync(new MatrixRunRequest(RepoPaths.Profile("reference.json"), reportDir, faults, filter), stallLimit);
            chatter = worker.Chatter();
        }
        finally
        {
            // A worker that stalled was killed, and one that exited cannot answer: either way the next run starts a new one.
            _idle.Writer.TryWrite(response is null ? null : worker);
        }
        var reportJson = Path.Combine(reportDir, "report.json");
        var report = File.Exists(reportJson) ? JsonReportReader.Read(reportJson) : null;
        if (response is null)
            return new MatrixRun(null, report, $"[self-tests] The run stalled: no answer within {stallLimit.TotalMinutes:0} min, so its worker was killed with its browser.\n{chatter}");
        return new MatrixRun(response.ExitCode, report, response.Console + (chatter.Length > 0 ? "\n[worker output]\n" + chatter : ""));
    }

    private MatrixWorkerProcess StartWorker()
    {
        var worker = MatrixWorkerProcess.Start();
        lock (_started) _started.Add(worker);
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        List<MatrixWorkerProcess> started;
        lock (_started) started = [.. _started];
        await Task.WhenAll(started.Select(w => w.DisposeAsync().AsTask()));
    }
}
