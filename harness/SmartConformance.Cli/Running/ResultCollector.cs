using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;

namespace SmartConformance.Cli.Running;

/// <summary>
/// Receives NUnit's events during an in-process run: keeps each finished check and tells the console. Once the run
/// is stopped (interrupted, out of time) it stops listening, so a check finishing late cannot change the report.
/// </summary>
public sealed class ResultCollector(Action<CheckOutcome>? onCheck) : ITestListener
{
    private readonly ConcurrentQueue<CheckOutcome> _outcomes = new();
    private readonly ConcurrentDictionary<string, byte> _running = new();
    private volatile bool _closed;

    public IReadOnlyList<CheckOutcome> Outcomes => _outcomes.ToList();

    /// <summary>Ids of the tests that started and have not finished.</summary>
    public IReadOnlyCollection<string> Running => _running.Keys.ToList();

    /// <summary>Stops taking results; what was collected so far is what the report shows.</summary>
    public void Close() => _closed = true;

    public void TestStarted(ITest test)
    {
        if (!_closed && !test.IsSuite) _running.TryAdd(test.Id, 0);
    }

    public void TestFinished(ITestResult result)
    {
        if (_closed) return;
        _running.TryRemove(result.Test.Id, out _);
        if (CheckOutcome.From(result) is not { } outcome) return;
        _outcomes.Enqueue(outcome);
        onCheck?.Invoke(outcome);
    }

    public void TestOutput(TestOutput output) { }

    public void SendMessage(TestMessage message) { }
}
