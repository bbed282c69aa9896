using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Browser;

namespace SmartConformance.SelfTests.Harness;

/// <summary>One browser per run: each session starts its own and closes it. Real headless browsers.</summary>
[NonParallelizable]
public sealed class BrowserSessionTests
{
    private static Task<BrowserSession> LaunchAsync() =>
        BrowserSession.LaunchAsync(BrowserLocator.Locate(null, headless: true), headless: true, []);

    [Test]
    public async Task Each_run_starts_its_own_browser_and_closes_it()
    {
        var first = await LaunchAsync();
        var second = await LaunchAsync();

        second.Browser.Should().NotBeSameAs(first.Browser);
        await first.DisposeAsync();
        first.Browser.IsConnected.Should().BeFalse("a run that started its browser closes it");
        second.Browser.IsConnected.Should().BeTrue("another run's browser is its own");
        await second.DisposeAsync();
        second.Browser.IsConnected.Should().BeFalse();
    }
}
