using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Browser;

namespace SmartConformance.SelfTests.Harness;

/// <summary>
/// One browser per run, unless the host keeps browsers shared: then runs with the same browser settings use one browser,
/// each closing only its own contexts, and the browser closes when the host lets go. Real headless browsers.
/// </summary>
[NonParallelizable]
public sealed class SharedBrowsersTests
{
    private static Task<BrowserSession> LaunchAsync() =>
        BrowserSession.LaunchAsync(BrowserLocator.Locate(null, headless: true), headless: true, []);

    [Test]
    public async Task Without_a_keeper_each_run_starts_its_own_browser_and_closes_it()
    {
        var first = await LaunchAsync();
        var second = await LaunchAsync();

        second.Browser.Should().NotBeSameAs(first.Browser);
        await first.DisposeAsync();
        first.Browser.IsConnected.Should().BeFalse("a run that started its browser closes it");
        second.Browser.IsConnected.Should().BeTrue();
        await second.DisposeAsync();
    }

    [Test]
    public async Task While_kept_runs_share_one_browser_and_each_closes_only_its_own_contexts()
    {
        var keeper = SharedBrowsers.Keep();
        BrowserSession first, second;
        try
        {
            first = await LaunchAsync();
            second = await LaunchAsync();
            second.Browser.Should().BeSameAs(first.Browser, "the runs ask for the same settings");
            second.LaunchGate.Should().BeSameAs(first.LaunchGate, "launches in a shared browser compete for the same cores");

            var firstPage = await first.NewPageAsync();
            var secondPage = await second.NewPageAsync();
            await first.DisposeAsync();

            first.Browser.IsConnected.Should().BeTrue("the other run still uses the browser");
            firstPage.Page.IsClosed.Should().BeTrue("a run's contexts close with it, so a launch in flight ends at once");
            secondPage.Page.IsClosed.Should().BeFalse();
            await second.DisposeAsync();
        }
        finally
        {
            await keeper.DisposeAsync();
        }
        first.Browser.IsConnected.Should().BeFalse("the last keeper to let go closes the shared browsers");
    }

    [Test]
    public async Task A_run_with_other_browser_settings_gets_its_own_browser_even_while_kept()
    {
        await using var keeper = SharedBrowsers.Keep();
        await using var plain = await LaunchAsync();
        await using var other = await BrowserSession.LaunchAsync(BrowserLocator.Locate(null, headless: true), headless: true, ["--lang=fr"]);

        other.Browser.Should().NotBeSameAs(plain.Browser);
    }
}
