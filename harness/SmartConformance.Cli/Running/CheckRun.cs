using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using SmartConformance.Tests;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Running;

/// <summary>
/// Runs the conformance checks with NUnit's own runner, bounded: when the caller cancels (Ctrl-C, SIGTERM) or the
/// run's time limit passes, it stops NUnit, lets <paramref name="stopEverything"/> end what is in flight, waits a
/// short grace period, and returns which checks were planned and why the run stopped.
/// </summary>
public static class CheckRun
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <param name="workers">How many fixtures run at once (the checks assembly is parallel by fixture); 1 runs them one after another.</param>
    public static async Task<CheckRunResult> RunAsync(ResultCollector collector, ITestFilter filter, TimeSpan limit,
        Func<Task> stopEverything, CancellationToken ct, int workers = 1)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(typeof(SuiteSetup).Assembly, new Dictionary<string, object>
        {
            // 0 workers means no parallel dispatcher at all: every fixture runs on the calling thread, in order.
            ["NumberOfTestWorkers"] = workers > 1 ? workers : 0,
            ["SynchronousEvents"] = true,
        });
        var planned = new List<ITest>();
        Collect(runner.ExploreTests(filter), planned);

        runner.RunAsync(collector, filter);
        var completion = Task.Factory.StartNew(() => runner.WaitForCompletion(Timeout.Infinite), TaskCreationOptions.LongRunning);
        using var timeLimit = new CancellationTokenSource(limit);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timeLimit.Token);
        try { await completion.WaitAsync(either.Token); }
        catch (OperationCanceledException) { /* stopped: handled below */ }
        if (completion.IsCompleted) return new CheckRunResult(planned, null, []);

        var reason = ct.IsCancellationRequested
            ? "the run was interrupted (Ctrl-C or SIGTERM)"
            : $"the run reached its time limit of {limit.TotalSeconds:0} s (timeouts.runSeconds in the profile)";
        // What finished before this moment is real; anything that ends after it ends because of the stop.
        var running = collector.Running;
        collector.Close();
        runner.StopRun();
        await stopEverything();
        try { await completion.WaitAsync(Grace, CancellationToken.None); }
        catch (TimeoutException) { /* a check ignores the stop; the report is written without waiting for it */ }
        return new CheckRunResult(planned, reason, running);
    }

    private static void Collect(ITest test, List<ITest> planned)
    {
        if (!test.IsSuite && test.Properties.Get(CheckProperties.Id) is string) planned.Add(test);
        foreach (var child in test.Tests) Collect(child, planned);
    }
}

/// <param name="Planned">Every check the filter selected.</param>
/// <param name="StopReason">Why the run was cut short, or null when every check ran.</param>
/// <param name="RunningWhenStopped">Ids of the checks that were running at that moment.</param>
public sealed record CheckRunResult(IReadOnlyList<ITest> Planned, string? StopReason, IReadOnlyCollection<string> RunningWhenStopped);
