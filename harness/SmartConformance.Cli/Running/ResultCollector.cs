using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;
using SmartConformance.Cli.Running.Progress;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Running;

/// <summary>
/// Receives NUnit's events during an in-process run: keeps each finished check and tells the console. Once the run
/// is stopped (interrupted, out of time) it stops listening, so a check finishing late cannot change the report.
/// </summary>
public sealed class ResultCollector : ITestListener
{
    private readonly ConcurrentQueue<CheckOutcome> _outcomes = new();
    private readonly ConcurrentDictionary<string, byte> _running = new();
    private readonly ICheckProgress? _progress;
    private readonly Action<CheckOutcome>? _onCheck;
    private volatile bool _closed;

    public ResultCollector(ICheckProgress progress) => _progress = progress;

    public ResultCollector(Action<CheckOutcome>? onCheck) => _onCheck = onCheck;

    /// <summary>The finished checks. Reading them means the run is over, so any live display stops first.</summary>
    public IReadOnlyList<CheckOutcome> Outcomes
    {
        get
        {
            _progress?.Completed();
            return _outcomes.ToList();
        }
    }

    /// <summary>Ids of the tests that started and have not finished.</summary>
    public IReadOnlyCollection<string> Running => _running.Keys.ToList();

    /// <summary>Stops taking results; what was collected so far is what the report shows.</summary>
    public void Close() => _closed = true;

    public void TestStarted(ITest test)
    {
        if (_closed || test.IsSuite) return;
        _running.TryAdd(test.Id, 0);
        if (_progress is not null && test.Properties.Get(CheckProperties.Id) is string id)
            _progress.Started(id, test.Properties.Get(CheckProperties.Title) as string ?? test.Name, CheckOutcome.FindGroup(test) ?? "Other");
    }

    public void TestFinished(ITestResult result)
    {
        if (_closed) return;
        if (result.Test.Parent is null)
            _progress?.Completed();
        _running.TryRemove(result.Test.Id, out _);
        if (CheckOutcome.From(result) is not { } outcome) return;
        _outcomes.Enqueue(outcome);
        _progress?.Finished(outcome);
        _onCheck?.Invoke(outcome);
    }

    public void TestOutput(TestOutput output) { }

    public void SendMessage(TestMessage message) { }
}
