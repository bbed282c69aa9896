using Microsoft.Playwright;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Redirect;

namespace SmartConformance.Harness.Browser;

/// <summary>
/// Opens an authorization URL in a fresh browser context and walks the profile's steps (login, consent)
/// until the authorization response reaches the redirect listener. Screenshots the page where a launch stops (and,
/// with <see cref="ScreenshotPolicy.Steps"/>, every step); with <paramref name="trace"/>, also records a Playwright
/// trace of the launch into the artifact folder. A launch given <c>signedInAs</c> runs in a context where that user already
/// signed in, when one is free, and leaves its context for the user's next launch when it succeeds.
/// </summary>
/// <param name="redirectListener">The suite's redirect URI: only pages on its origin can carry the listener's markers.</param>
public sealed class BrowserLaunchDriver(BrowserSession browser, ExchangeRecorder recorder, string artifactDirectory, bool trace = false,
    Session.RunTimings? timings = null, ScreenshotPolicy screenshots = ScreenshotPolicy.Failures, Uri? redirectListener = null)
{
    private int _shots;

    public async Task<BrowserLaunchResult> RunAsync(
        string label, Uri authorizeUrl, IReadOnlyList<BrowserStep> steps, UserProfile user,
        Task<RedirectCapture> redirect, TimeoutsProfile timeouts, CancellationToken ct, Func<RedirectCapture, IPage, Task>? whileSignedIn = null,
        string? signedInAs = null, bool ahead = false)
    {
        using var pass = await browser.LaunchGate.EnterAsync(ahead, ct);
        using var timed = timings?.Measure(Session.RunTimings.Launches);
        return await DriveAsync(label, authorizeUrl, steps, user, redirect, timeouts, ct, whileSignedIn, signedInAs);
    }

    private async Task<BrowserLaunchResult> DriveAsync(
        string label, Uri authorizeUrl, IReadOnlyList<BrowserStep> steps, UserProfile user,
        Task<RedirectCapture> redirect, TimeoutsProfile timeouts, CancellationToken ct, Func<RedirectCapture, IPage, Task>? whileSignedIn,
        string? signedInAs)
    {
        var artifacts = new List<BrowserArtifact>();
        var (context, page, signedIn) = await OpenAsync(signedInAs);
        var keepSignedIn = false;
        var tracing = await LaunchTrace.StartAsync(trace, context, artifactDirectory, Sanitize(label), label);
        page.SetDefaultTimeout((float)(timeouts.BrowserStepSeconds * 1000));
        // A server's alert() or confirm() would block the page, and a popup would steal focus: neither may stall the launch.
        page.Dialog += (_, dialog) => _ = Quietly(dialog.DismissAsync());
        void ClosePopup(object? _, IPage popup) { if (popup != page) _ = Quietly(popup.CloseAsync()); }
        context.Page += ClosePopup;
        var traffic = BrowserTrafficRecorder.Attach(page, recorder, owner: label);
        var deadline = TimeSpan.FromSeconds(timeouts.LaunchSeconds);

        try
        {
            await Navigate(page, authorizeUrl, redirect);
            var first = signedIn ? await FirstShownStepAsync(page, steps, redirect, timeouts) : 0;
            for (var i = first; i < steps.Count && !redirect.IsCompleted; i++)
            {
                ct.ThrowIfCancellationRequested();
                if (await StrayRedirectAsync(page) is { } early) return new BrowserLaunchResult(early, artifacts, traffic);
                await RunStepAsync(page, steps[i], user, redirect, timeouts);
                if (screenshots == ScreenshotPolicy.Steps)
                    artifacts.Add(await ScreenshotAsync(page, label, $"after step {i + 1}: {steps[i]}"));
            }
            var until = DateTimeOffset.UtcNow + deadline;
            while (!redirect.IsCompleted)
            {
                if (await StrayRedirectAsync(page) is { } stray) return new BrowserLaunchResult(stray, artifacts, traffic);
                if (MayBeOnListener(page) && await page.Locator("#" + RedirectListener.WrongPathMarker).CountAsync() > 0)
                    throw await StepFailureAsync(page, label,
                        $"The server sent the browser to {page.Url}, which is not the redirect_uri the launch sent (the suite listens only at that exact path).", null);
                if (DateTimeOffset.UtcNow > until)
                    throw await StepFailureAsync(page, label,
                        $"The browser finished the profile's steps but no authorization response reached the redirect URI within {deadline.TotalSeconds:0} s; the page stayed at {page.Url}.", null);
                await Task.WhenAny(redirect, Task.Delay(250, ct));
            }
            // Work that needs the user's browser session still open (e.g. logging out after using the tokens).
            if (whileSignedIn is not null)
                await whileSignedIn(await redirect, page);
            if (tracing is not null && await tracing.StopAsync() is { } saved)
                artifacts.Add(saved);
            keepSignedIn = signedInAs is not null && whileSignedIn is null;
            return new BrowserLaunchResult(await redirect, artifacts, traffic);
        }
        catch (PlaywrightException ex)
        {
            throw await StepFailureAsync(page, label, $"The browser could not continue: {FirstLine(ex.Message)}", ex);
        }
        catch (TimeoutException ex)
        {
            throw await StepFailureAsync(page, label, $"The browser timed out: {FirstLine(ex.Message)}", ex);
        }
        finally
        {
            // A launch that failed keeps its trace too: the report lists every trace file in the artifact folder.
            if (tracing is not null)
                await tracing.StopAsync();
            context.Page -= ClosePopup;
            if (keepSignedIn)
            {
                // Not awaited: Chromium sometimes confirms a page's close only seconds later (seen at 5 s for two launches
                // that ended together), and the launch's tokens must not wait for it; the context is usable meanwhile.
                _ = Quietly(page.CloseAsync());
                await browser.SignedIn.GiveBackAsync(signedInAs!, context);
            }
            else await Quietly(context.CloseAsync());
        }
    }

    /// <summary>A context where the user signed in earlier, with a new page, when one is free; else a fresh context.</summary>
    private async Task<(IBrowserContext Context, IPage Page, bool SignedIn)> OpenAsync(string? signedInAs)
    {
        while (signedInAs is not null && browser.SignedIn.Take(signedInAs) is { } kept)
        {
            try { return (kept.Context, await kept.NextPage.WaitAsync(TimeSpan.FromSeconds(30)), true); }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                await Quietly(kept.Context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5))); // that context is gone: try the next, else a fresh one
            }
        }
        var (context, page) = await browser.NewPageAsync();
        return (context, page, false);
    }

    /// <summary>
    /// In a context where the user already signed in, the server may skip its login page (or even its consent page): the
    /// launch starts at the first step whose element the page shows, the earliest in the profile's order when several
    /// do, or ends at once when the authorization response arrives. When no step's element appears, it starts at the
    /// first step, which then fails with the usual explanation.
    /// </summary>
    private static async Task<int> FirstShownStepAsync(IPage page, IReadOnlyList<BrowserStep> steps, Task<RedirectCapture> redirect, TimeoutsProfile timeouts)
    {
        if (steps.Count == 0 || redirect.IsCompleted || steps.Any(s => s.Selector is null)) return 0;
        var any = steps.Skip(1).Aggregate(page.Locator(steps[0].Selector!), (union, step) => union.Or(page.Locator(step.Selector!)));
        var shown = any.First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)(timeouts.BrowserStepSeconds * 1000) });
        await Task.WhenAny(shown, redirect);
        if (redirect.IsCompleted)
        {
            _ = Quietly(shown);
            return steps.Count;
        }
        try { await shown; }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException) { return 0; }
        try
        {
            // Asked side by side: one round trip to the browser instead of one per step.
            var visible = await Task.WhenAll(steps.Select(step => page.Locator(step.Selector!).First.IsVisibleAsync()));
            var shownAt = Array.IndexOf(visible, true);
            return shownAt < 0 ? 0 : shownAt;
        }
        catch (PlaywrightException) { return 0; /* the page navigated meanwhile: go step by step */ }
    }

    /// <summary>
    /// The browser is on the suite's redirect page, but the listener did not hand the response to this launch: it
    /// carried no state or another state. That response is the server's answer, so the launch returns it for the checks.
    /// </summary>
    private async Task<RedirectCapture?> StrayRedirectAsync(IPage page)
    {
        if (!MayBeOnListener(page) || await page.Locator("#" + RedirectListener.PageMarker).CountAsync() == 0) return null;
        return Uri.TryCreate(page.Url, UriKind.Absolute, out var url) ? new RedirectCapture(url, DateTimeOffset.UtcNow) : null;
    }

    /// <summary>
    /// Whether the page's address (known locally, no round trip to the browser) could be the redirect listener's:
    /// asking the page for a marker element costs a round trip per step, so it is asked only there.
    /// </summary>
    private bool MayBeOnListener(IPage page)
    {
        if (redirectListener is null) return true;
        if (!Uri.TryCreate(page.Url, UriKind.Absolute, out var url)) return true;
        if (url.Scheme is not ("http" or "https")) return false; // about:blank, chrome-error:, data:
        return url.Scheme == redirectListener.Scheme && url.Port == redirectListener.Port
            && (string.Equals(url.Host, redirectListener.Host, StringComparison.OrdinalIgnoreCase) || (url.IsLoopback && redirectListener.IsLoopback));
    }

    private static async Task Quietly(Task task)
    {
        try { await task; } catch (Exception ex) when (ex is PlaywrightException or TimeoutException) { /* the page went away first */ }
    }

    private static async Task Navigate(IPage page, Uri url, Task<RedirectCapture> redirect)
    {
        try
        {
            await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (PlaywrightException) when (redirect.IsCompleted)
        {
            // The server redirected straight back (an existing session); the listener already has the response.
        }
    }

    private static async Task RunStepAsync(IPage page, BrowserStep step, UserProfile user, Task<RedirectCapture> redirect, TimeoutsProfile timeouts)
    {
        if (step.Optional && step.Selector is not null)
        {
            var appeared = page.Locator(step.Selector).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 2000 });
            try { await appeared; } catch (TimeoutException) { return; }
        }
        var value = step.Value is null ? null : StepValues.Resolve(step.Value, user);
        var stepTimeout = (float)(timeouts.BrowserStepSeconds * 1000);
        try
        {
            switch (step.Action)
            {
                case "fill": await page.Locator(step.Selector!).First.FillAsync(value!); break;
                case "click": await page.Locator(step.Selector!).First.ClickAsync(); break;
                case "check": await page.Locator(step.Selector!).First.CheckAsync(); break;
                case "select": await page.Locator(step.Selector!).First.SelectOptionAsync(value!); break;
                case "press": await page.Locator(step.Selector!).First.PressAsync(value!); break;
                case "waitForSelector": await page.Locator(step.Selector!).First.WaitForAsync(); break;
                case "waitForUrl": await page.WaitForURLAsync(step.Url!, new PageWaitForURLOptions { Timeout = stepTimeout }); break;
                default: throw new InvalidOperationException($"Unknown browser step action \"{step.Action}\".");
            }
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            if (redirect.IsCompleted) return; // the step's click already sent the browser to the redirect URI
            throw new PlaywrightException($"Step \"{step}\" failed on {page.Url}: {FirstLine(ex.Message)}", ex);
        }
    }

    private async Task<BrowserArtifact> ScreenshotAsync(IPage page, string label, string title)
    {
        Directory.CreateDirectory(artifactDirectory);
        var file = Path.Combine(artifactDirectory, $"{Sanitize(label)}-{Interlocked.Increment(ref _shots):D3}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Timeout = 5000 });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return new BrowserArtifact($"{title} (no screenshot: {FirstLine(ex.Message)})", file, "missing");
        }
        return new BrowserArtifact($"{title} — {WithoutQuery(page.Url)}", file);
    }

    private async Task<BrowserStepException> StepFailureAsync(IPage page, string label, string message, Exception? inner)
    {
        var shot = await ScreenshotAsync(page, label, "where the browser stopped");
        var title = "";
        try { title = await page.TitleAsync(); } catch (PlaywrightException) { /* page gone */ }
        return new BrowserStepException($"{message} Page: {page.Url}{(title.Length > 0 ? $" (\"{title}\")" : "")}. Screenshot: {Path.GetFileName(shot.FullPath)}.",
            page.Url, shot, inner);
    }

    private static string WithoutQuery(string url) => url.Split('?', 2)[0];

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string Sanitize(string label) => new(label.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}

public sealed record BrowserLaunchResult(RedirectCapture Redirect, IReadOnlyList<BrowserArtifact> Artifacts, IReadOnlyList<HttpExchange> Traffic);
