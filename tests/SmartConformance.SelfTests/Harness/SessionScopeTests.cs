using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Session;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Harness;

/// <summary>
/// Runs can go side by side in one process: the checks find their run's session through their async flow, evidence a
/// check starts for others keeps it, and code that belongs to no run gets an explanation instead of another run's session.
/// </summary>
[NonParallelizable]
public sealed class SessionScopeTests
{
    [Test]
    public async Task Each_flow_sees_the_session_it_made_current_while_two_are_running()
    {
        await using var first = await ReferenceSessions.StartAsync("scope-first");
        await using var second = await ReferenceSessions.StartAsync("scope-second");

        var seenByFirst = Task.Run(() => { first.BecomeCurrent(); return CurrentAfterAYield(); });
        var seenBySecond = Task.Run(() => { second.BecomeCurrent(); return CurrentAfterAYield(); });

        (await seenByFirst).Should().BeSameAs(first);
        (await seenBySecond).Should().BeSameAs(second);
    }

    [Test]
    public async Task Work_started_detached_still_belongs_to_the_session_that_started_it()
    {
        await using var first = await ReferenceSessions.StartAsync("scope-detached-first");
        await using var second = await ReferenceSessions.StartAsync("scope-detached-second");
        SuiteSession? seen = null;

        await second.StartDetached(async () => seen = await CurrentAfterAYield());
        var shared = await first.Shared("scope-test", _ => CurrentAfterAYield());

        seen.Should().BeSameAs(second);
        shared.Should().BeSameAs(first);
    }

    [Test]
    public async Task Code_that_belongs_to_no_run_is_told_so_when_several_are_running()
    {
        await using var first = await ReferenceSessions.StartAsync("scope-none-first");
        await using var second = await ReferenceSessions.StartAsync("scope-none-second");

        var act = () => Task.Run(() => SuiteSession.Current);

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*Several SmartConformance sessions are running*BecomeCurrent*");
    }

    [Test]
    public async Task The_only_session_running_is_current_everywhere_as_under_plain_dotnet_test()
    {
        await using var only = await ReferenceSessions.StartAsync("scope-only");

        (await Task.Run(() => SuiteSession.Current)).Should().BeSameAs(only);
    }

    private static async Task<SuiteSession> CurrentAfterAYield()
    {
        await Task.Yield();
        return SuiteSession.Current;
    }
}
