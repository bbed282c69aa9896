using System.Reflection;
using FluentAssertions;
using Microsoft.Playwright;
using NUnit.Framework;
using SmartConformance.Harness.Browser;

namespace SmartConformance.SelfTests.Harness;

/// <summary>A browser that stops answering fails the launch that asked for a page, with a reason, instead of holding it.</summary>
public sealed class WarmPagesTests
{
    [Test]
    public async Task A_page_the_browser_never_opens_fails_the_launch_after_the_limit_and_says_why()
    {
        var limit = TimeSpan.FromMilliseconds(200);
        await using var pages = new WarmPages(() => Task.FromResult(UnansweringContext.Create()), size: 1, openLimit: limit);
        pages.Start();

        var take = pages.TakeAsync();
        var finished = await Task.WhenAny(take, Task.Delay(TimeSpan.FromSeconds(10)));

        finished.Should().BeSameAs(take, "opening a page is bounded: the warm one's limit, then one more try");
        var failure = await take.Invoking(t => t).Should().ThrowAsync<TimeoutException>();
        failure.Which.Message.Should().Contain("did not open a new page within").And.Contain("stopped answering");
    }

    /// <summary>A context whose browser never answers a new-page request; closing it is answered.</summary>
    public class UnansweringContext : DispatchProxy
    {
        public static IBrowserContext Create() => Create<IBrowserContext, UnansweringContext>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IBrowserContext.NewPageAsync) => new TaskCompletionSource<IPage>().Task,
            nameof(IBrowserContext.CloseAsync) => Task.CompletedTask,
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
