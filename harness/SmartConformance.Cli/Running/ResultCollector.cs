using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;

namespace SmartConformance.Cli.Running;

/// <summary>Receives NUnit's events during an in-process run: keeps each finished check and tells the console.</summary>
public sealed class ResultCollector(Action<CheckOutcome>? onCheck) : ITestListener
{
    private readonly ConcurrentQueue<CheckOutcome> _outcomes = new();

    public IReadOnlyList<CheckOutcome> Outcomes => _outcomes.ToList();

    public void TestStarted(ITest test) { }

    public void TestFinished(ITestResult result)
    {
        if (CheckOutcome.From(result) is not { } outcome) return;
        _outcomes.Enqueue(outcome);
        onCheck?.Invoke(outcome);
    }

    public void TestOutput(TestOutput output) { }

    public void SendMessage(TestMessage message) { }
}
