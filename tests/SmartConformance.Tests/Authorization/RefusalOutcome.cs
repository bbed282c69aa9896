using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Redirect;
using SmartConformance.Harness.Session;

namespace SmartConformance.Tests.Authorization;

/// <summary>How the server answered an authorization request it should refuse, read from a <see cref="CodeAttempt"/>.</summary>
internal enum RefusalKind
{
    /// <summary>The server answered the request with its own error page (an error status, no redirect).</summary>
    ErrorPage,
    /// <summary>The browser was sent to the redirect_uri of the request.</summary>
    Redirected,
    /// <summary>The browser was sent to another path of the suite's listener than the redirect_uri the request named.</summary>
    RedirectedElsewhere,
}

internal sealed record RefusalOutcome(RefusalKind Kind, RedirectCapture? Redirect, HttpExchange? Evidence, string Description)
{
    /// <summary>
    /// What happened, or null with <paramref name="undecided"/> saying why when the suite cannot tell (the request never
    /// reached the server, or the browser stopped somewhere that is not the server's page).
    /// </summary>
    public static RefusalOutcome? Read(CodeAttempt attempt, SuiteSession session, out string? undecided)
    {
        undecided = null;
        var evidence = attempt.Preflight ?? attempt.BrowserTraffic.LastOrDefault();
        if (attempt.Redirect is { } redirect)
            return new RefusalOutcome(RefusalKind.Redirected, redirect, evidence, $"the browser was redirected to the redirect_uri ({Describe(redirect)})");
        if (attempt.ArrivedElsewhere is { } elsewhere)
            return new RefusalOutcome(RefusalKind.RedirectedElsewhere, elsewhere, evidence, $"the browser was redirected to {elsewhere.Url.GetLeftPart(UriPartial.Path)} ({Describe(elsewhere)})");
        if (attempt.ErrorPageStatus is { } status)
            return new RefusalOutcome(RefusalKind.ErrorPage, null, evidence, $"the server answered with its own page, status {status}");
        // A browser that stopped on the server's pages proves nothing: the steps may have failed on a login page as well
        // as on an error page, so the suite does not guess (the screenshot shows where it stopped).
        undecided = attempt.Problem is not null && attempt.StoppedAt is { } page && OnServer(page, session)
            ? $"{attempt.Problem} The browser stopped on the server's page {page.Split('?', 2)[0]} without reaching the redirect URI; whether that page is an error page the suite cannot tell."
            : attempt.Problem ?? "the server neither redirected nor showed an error";
        return null;
    }

    public static string Describe(RedirectCapture redirect) =>
        redirect.Error is { } error ? $"error={error}, state {(redirect.State is null ? "missing" : "present")}"
        : redirect.Code is { Length: > 0 } ? "with a code"
        : $"with parameters {string.Join(", ", redirect.ParameterNames.DefaultIfEmpty("(none)"))}";

    // A page on the listener's port is the suite's own (a redirect page); anything else is the server's.
    private static bool OnServer(string page, SuiteSession session) =>
        Uri.TryCreate(page, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" &&
        !(url.Host == session.Redirects.CallbackUri.Host && url.Port == session.Redirects.CallbackUri.Port);
}
