using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;
using SmartConformance.Cli.Running.Progress;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Running;

/// <summary>Receives NUnit's events during an in-process run: keeps each finished check and tells the console.</summary>
public sealed class ResultCollector : ITestListener
{
    private readonly ConcurrentQueue<CheckOutcome> _outcomes = new();
    private readonly ICheckProgress? _progress;
    private readonly Action<CheckOutcome>? _onCheck;

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

    public void TestStarted(ITest test)
    {
        if (_progress is null || test.IsSuite || test.Properties.Get(CheckProperties.Id) is not string id)
            return;
        _progress.Started(id, test.Properties.Get(CheckProperties.Title) as string ?? test.Name, CheckOutcome.FindGroup(test) ?? "Other");
    }

    public void TestFinished(ITestResult result)
    {
        if (result.Test.Parent is null)
            _progress?.Completed();
        if (CheckOutcome.From(result) is not { } outcome) return;
        _outcomes.Enqueue(outcome);
        _progress?.Finished(outcome);
        _onCheck?.Invoke(outcome);
    }

    public void TestOutput(TestOutput output) { }

    public void SendMessage(TestMessage message) { }
}
