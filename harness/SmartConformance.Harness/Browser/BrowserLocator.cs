namespace SmartConformance.Harness.Browser;

/// <summary>
/// Finds a Chromium-family browser: the profile's path or SMART_BROWSER first, then browsers installed by
/// Playwright, then a system Chromium, Chrome or Edge. Says exactly what to install when there is none.
/// </summary>
/// <remarks>
/// A headless run prefers Chromium's headless shell (Playwright's <c>chromium_headless_shell</c>, Debian's
/// <c>chromium-headless-shell</c>) when one is installed: it is the same engine without the desktop browser's UI
/// layers, and on a 2-core machine the whole suite runs in about a third of the time. A headed run needs the full browser.
/// </remarks>
public static class BrowserLocator
{
    public const string EnvironmentVariable = "SMART_BROWSER";

    public static string Locate(string? configuredPath, Func<string, string?>? environment = null, Func<string, bool>? exists = null, bool headless = true)
    {
        environment ??= Environment.GetEnvironmentVariable;
        exists ??= File.Exists;
        var explicitPath = configuredPath ?? environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (exists(explicitPath)) return explicitPath;
            var source = configuredPath is not null ? "the profile's browser.executablePath (or --browser)" : $"the {EnvironmentVariable} environment variable";
            throw new BrowserNotFoundException($"No browser at {explicitPath}, which {source} points to. " + InstallAdvice, [explicitPath]);
        }
        var shells = headless ? PlaywrightHeadlessShells(environment).Concat(SystemHeadlessShells()) : [];
        var candidates = shells.Concat(PlaywrightInstalled(environment)).Concat(SystemBrowsers(environment)).ToList();
        return candidates.FirstOrDefault(exists)
            ?? throw new BrowserNotFoundException("No Chromium, Chrome or Edge browser was found. " + InstallAdvice, candidates);
    }

    public const string InstallAdvice =
        "SmartConformance drives a real Chromium-family browser. Install one: " +
        "Debian/Ubuntu `sudo apt-get install -y chromium` (and `chromium-headless-shell`, where packaged, for faster headless runs); Fedora `sudo dnf install chromium`; " +
        "macOS `brew install --cask chromium` or Google Chrome; Windows Google Chrome or Microsoft Edge; " +
        "or Playwright's own build (`pwsh harness/SmartConformance.Cli/bin/Debug/net10.0/playwright.ps1 install chromium`). " +
        $"Or point to an installed one with --browser PATH, the {EnvironmentVariable} environment variable, or browser.executablePath in the profile.";

    private static IEnumerable<string> PlaywrightInstalled(Func<string, string?> environment)
    {
        string[] relative = OperatingSystem.IsWindows()
            ? [@"chrome-win64\chrome.exe", @"chrome-win\chrome.exe"]
            : OperatingSystem.IsMacOS()
                ? ["chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing", "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
                   "chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium", "chrome-mac/Chromium.app/Contents/MacOS/Chromium"]
                : ["chrome-linux64/chrome", "chrome-linux/chrome"];
        return PlaywrightBuilds(environment, "chromium-", relative);
    }

    private static IEnumerable<string> PlaywrightHeadlessShells(Func<string, string?> environment)
    {
        string[] relative = OperatingSystem.IsWindows()
            ? [@"chrome-headless-shell-win64\chrome-headless-shell.exe", @"chrome-win\headless_shell.exe"]
            : OperatingSystem.IsMacOS()
                ? ["chrome-headless-shell-mac-arm64/chrome-headless-shell", "chrome-headless-shell-mac-x64/chrome-headless-shell", "chrome-mac/headless_shell"]
                : ["chrome-headless-shell-linux64/chrome-headless-shell", "chrome-linux/headless_shell"];
        return PlaywrightBuilds(environment, "chromium_headless_shell-", relative);
    }

    private static IEnumerable<string> SystemHeadlessShells() =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? [] : ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell"];

    /// <summary>Executables inside Playwright's browser folders (newest revision first), e.g. ms-playwright/chromium-1200/chrome-linux64/chrome.</summary>
    private static IEnumerable<string> PlaywrightBuilds(Func<string, string?> environment, string folderPrefix, string[] relative)
    {
        var roots = new List<string>();
        if (environment("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } custom && custom != "0") roots.Add(custom);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ms-playwright"));
        else if (OperatingSystem.IsMacOS()) roots.Add(Path.Combine(home, "Library", "Caches", "ms-playwright"));
        else roots.Add(Path.Combine(home, ".cache", "ms-playwright"));

        foreach (var root in roots.Where(Directory.Exists))
            foreach (var dir in Directory.GetDirectories(root, folderPrefix + "*").OrderByDescending(d => d, StringComparer.Ordinal))
                foreach (var exe in relative)
                    yield return Path.Combine(dir, exe);
    }

    private static IEnumerable<string> SystemBrowsers(Func<string, string?> environment)
    {
        if (OperatingSystem.IsWindows())
        {
            foreach (var root in new[] { environment("ProgramFiles"), environment("ProgramFiles(x86)"), environment("LOCALAPPDATA") }.Where(r => !string.IsNullOrEmpty(r)))
            {
                yield return Path.Combine(root!, @"Google\Chrome\Application\chrome.exe");
                yield return Path.Combine(root!, @"Microsoft\Edge\Application\msedge.exe");
                yield return Path.Combine(root!, @"Chromium\Application\chrome.exe");
            }
            yield break;
        }
        if (OperatingSystem.IsMacOS())
        {
            yield return "/Applications/Chromium.app/Contents/MacOS/Chromium";
            yield return "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
            yield return "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
            yield break;
        }
        foreach (var path in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge", "/usr/bin/microsoft-edge-stable" })
            yield return path;
    }
}

public sealed class BrowserNotFoundException(string message, IReadOnlyList<string> searched) : Exception(message)
{
    public IReadOnlyList<string> Searched { get; } = searched;
}
