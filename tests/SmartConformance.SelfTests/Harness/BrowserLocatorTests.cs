using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Browser;

namespace SmartConformance.SelfTests.Harness;

public sealed class BrowserLocatorTests
{
    [Test]
    public void A_configured_path_that_does_not_exist_says_what_to_install()
    {
        var act = () => BrowserLocator.Locate("/nowhere/chrome", _ => null, _ => false);
        act.Should().Throw<BrowserNotFoundException>().WithMessage("*No browser at /nowhere/chrome*apt-get install -y chromium*");
    }

    [Test]
    public void The_environment_variable_is_used_when_the_profile_names_no_browser()
    {
        BrowserLocator.Locate(null, name => name == "SMART_BROWSER" ? "/opt/my-chrome" : null, path => path == "/opt/my-chrome")
            .Should().Be("/opt/my-chrome");
    }

    [Test]
    public void With_no_browser_anywhere_the_error_lists_what_was_searched_and_how_to_install_one()
    {
        var act = () => BrowserLocator.Locate(null, _ => null, _ => false);
        var ex = act.Should().Throw<BrowserNotFoundException>().Which;
        ex.Message.Should().Contain("No Chromium, Chrome or Edge browser was found").And.Contain("--browser");
        ex.Searched.Should().NotBeEmpty();
    }

    [Test]
    public void A_system_chromium_is_found()
    {
        BrowserLocator.Locate(null, _ => null, path => path == "/usr/bin/chromium" || path.EndsWith("msedge.exe") || path.EndsWith("Chromium"))
            .Should().NotBeNullOrEmpty();
    }
}
