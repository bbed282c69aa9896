using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Browser;

namespace SmartConformance.SelfTests.Harness;

public sealed class LaunchGateTests
{
    [Test]
    public async Task Launches_beyond_the_capacity_wait_until_one_leaves()
    {
        var gate = new LaunchGate(1);
        var first = await gate.EnterAsync(ahead: false, CancellationToken.None);
        var second = gate.EnterAsync(ahead: false, CancellationToken.None);
        await Task.Delay(50);
        second.IsCompleted.Should().BeFalse("the only slot is taken");
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Test]
    public async Task A_launch_asked_ahead_goes_before_launches_that_were_waiting_longer()
    {
        var gate = new LaunchGate(1);
        var order = new List<string>();
        var holder = await gate.EnterAsync(ahead: false, CancellationToken.None);
        var waiting = new[]
        {
            Enter(gate, "first come", ahead: false, order),
            Enter(gate, "second come", ahead: false, order),
            Enter(gate, "ahead", ahead: true, order),
        };
        await Task.Delay(50);
        holder.Dispose();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(5));
        order.Should().Equal("ahead", "first come", "second come");
    }

    [Test]
    public async Task A_cancelled_wait_gives_up_its_place_and_loses_no_slot()
    {
        var gate = new LaunchGate(1);
        var holder = await gate.EnterAsync(ahead: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(ahead: true, cancel.Token);
        var next = gate.EnterAsync(ahead: false, CancellationToken.None);
        await cancel.CancelAsync();
        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        holder.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await gate.EnterAsync(ahead: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    private static async Task Enter(LaunchGate gate, string name, bool ahead, List<string> order)
    {
        using var pass = await gate.EnterAsync(ahead, CancellationToken.None);
        lock (order) order.Add(name);
    }
}
