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

    [Test]
    public void A_headless_run_prefers_the_headless_shell_when_one_is_installed()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()) Assert.Ignore("Debian's chromium-headless-shell path is Linux only.");
        string[] installed = ["/usr/bin/chromium", "/usr/bin/chromium-headless-shell"];
        BrowserLocator.Locate(null, _ => null, installed.Contains).Should().Be("/usr/bin/chromium-headless-shell");
    }

    [Test]
    public void A_headed_run_uses_the_full_browser_even_when_a_headless_shell_is_installed()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()) Assert.Ignore("Debian's chromium-headless-shell path is Linux only.");
        string[] installed = ["/usr/bin/chromium", "/usr/bin/chromium-headless-shell"];
        BrowserLocator.Locate(null, _ => null, installed.Contains, headless: false).Should().Be("/usr/bin/chromium");
    }

    [Test]
    public void Playwrights_own_headless_shell_is_found_in_its_browsers_folder()
    {
        var root = Directory.CreateTempSubdirectory("ms-playwright-").FullName;
        try
        {
            var relative = OperatingSystem.IsWindows() ? @"chrome-headless-shell-win64\chrome-headless-shell.exe"
                : OperatingSystem.IsMacOS() ? "chrome-headless-shell-mac-arm64/chrome-headless-shell"
                : "chrome-headless-shell-linux64/chrome-headless-shell";
            var shell = Path.Combine(root, "chromium_headless_shell-1200", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(shell)!);
            File.WriteAllText(shell, "");
            BrowserLocator.Locate(null, name => name == "PLAYWRIGHT_BROWSERS_PATH" ? root : null, File.Exists).Should().Be(shell);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
