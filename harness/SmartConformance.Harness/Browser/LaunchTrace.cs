using Microsoft.Playwright;

namespace SmartConformance.Harness.Browser;

/// <summary>
/// A Playwright trace of one launch's browser context (run with --trace), saved as artifacts/LABEL-trace.zip for
/// `playwright show-trace` or trace.playwright.dev. Never fails a launch: a trace that cannot be saved is left out.
/// </summary>
internal sealed class LaunchTrace
{
    private readonly IBrowserContext _context;
    private readonly string _file;
    private bool _stopped;

    private LaunchTrace(IBrowserContext context, string file)
    {
        _context = context;
        _file = file;
    }

    public static async Task<LaunchTrace?> StartAsync(bool enabled, IBrowserContext context, string artifactDirectory, string fileLabel, string title)
    {
        if (!enabled)
            return null;
        try
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Title = title, Screenshots = true, Snapshots = true });
        }
        catch (PlaywrightException)
        {
            return null;
        }
        return new LaunchTrace(context, Path.Combine(artifactDirectory, $"{fileLabel}-trace.zip"));
    }

    /// <summary>Stops tracing once and writes the file; the artifact, or null when it could not be written.</summary>
    public async Task<BrowserArtifact?> StopAsync()
    {
        if (_stopped)
            return null;
        _stopped = true;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            await _context.Tracing.StopAsync(new TracingStopOptions { Path = _file });
        }
        catch (PlaywrightException)
        {
            return null;
        }
        return File.Exists(_file) ? new BrowserArtifact("Playwright trace of the browser launch (not redacted)", _file, "trace") : null;
    }
}
