using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartConformance.Harness.Redirect;

/// <summary>
/// Listens on the loopback redirect URI and hands each authorization response to the launch waiting for its
/// <c>state</c>, so several launches can run at once. The browser gets a small page saying it may close.
/// It also serves the app's EHR launch URL (<see cref="LaunchPath"/>): the launch is handed to the flow waiting for it,
/// which answers with where the browser goes next (the authorize URL it built).
/// </summary>
public sealed class RedirectListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RedirectCapture>> _waiting = new();
    private readonly ConcurrentQueue<RedirectCapture> _unclaimed = new();
    private readonly ConcurrentDictionary<string, LaunchWaiter> _launches = new();
    private readonly ConcurrentQueue<RedirectCapture> _elsewhere = new();
    private readonly ConcurrentDictionary<string, string> _forms = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private RedirectListener(Uri callbackUri)
    {
        CallbackUri = callbackUri;
        _listener.Prefixes.Add($"http://{callbackUri.Host}:{callbackUri.Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The id of the element on the page the browser gets at the redirect URI.</summary>
    public const string PageMarker = "smart-conformance-redirect";

    /// <summary>The id of the element on the page the browser gets at any other path of the listener's port.</summary>
    public const string WrongPathMarker = "smart-conformance-wrong-redirect-uri";

    /// <summary>The redirect URI to register and send, with the real port when port 0 was asked for.</summary>
    public Uri CallbackUri { get; }

    /// <summary>Redirects that carried no state, or a state no launch was waiting for.</summary>
    public IReadOnlyCollection<RedirectCapture> Unclaimed => _unclaimed.ToArray();

    public static RedirectListener Start(string redirectUri)
    {
        var uri = new Uri(redirectUri);
        var port = uri.Port == 0 ? FreeLoopbackPort() : uri.Port;
        var builder = new UriBuilder(uri) { Port = port };
        try
        {
            return new RedirectListener(builder.Uri);
        }
        catch (HttpListenerException ex)
        {
            throw new InvalidOperationException(
                $"Cannot listen on the redirect URI {builder.Uri} ({ex.Message}). Is another run using port {port}? " +
                "Free the port, or register and configure another redirectUri in the profile.", ex);
        }
    }

    /// <summary>Waits for the redirect carrying this state. Register before opening the browser.</summary>
    public Task<RedirectCapture> ExpectAsync(string state) =>
        _waiting.GetOrAdd(state, _ => new TaskCompletionSource<RedirectCapture>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string state) => _waiting.TryRemove(state, out _);

    /// <summary>
    /// A request that reached another path of the listener's port carrying this state: a server that redirected to a
    /// redirect_uri the suite sent on purpose as unregistered (RFC 6749 §3.1.2.4) shows up here.
    /// </summary>
    public RedirectCapture? ArrivedElsewhere(string state) => _elsewhere.FirstOrDefault(c => c.State == state);

    /// <summary>The path of the pages that send an authorization request as a form POST (<see cref="ServeFormPost"/>).</summary>
    public const string FormPostPath = "/form-post";

    /// <summary>
    /// A page on the listener that submits a form with these fields to <paramref name="action"/> by POST as soon as it
    /// loads, so a browser sends an authorization request the way an app using <c>authorize-post</c> does.
    /// </summary>
    public Uri ServeFormPost(Uri action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var key = Guid.NewGuid().ToString("N");
        var inputs = string.Concat(fields.Select(f =>
            $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(f.Key)}\" value=\"{WebUtility.HtmlEncode(f.Value)}\">"));
        _forms[key] = "<!doctype html><title>SmartConformance</title>" +
            $"<form id=\"smart-conformance-form-post\" method=\"post\" action=\"{WebUtility.HtmlEncode(action.AbsoluteUri)}\">{inputs}</form>" +
            "<script>document.getElementById('smart-conformance-form-post').submit();</script>";
        return new Uri(CallbackUri, $"{FormPostPath}/{key}");
    }

    /// <summary>The path of the app's EHR launch URL, next to the redirect URI: register <c>http://HOST:PORT/launch</c>.</summary>
    public const string LaunchPath = "/launch";

    /// <summary>The launch URL to register with an EHR; launches arriving here go to the oldest waiting flow.</summary>
    public Uri LaunchUri => new(CallbackUri, LaunchPath);

    /// <summary>
    /// Waits for one EHR launch. Returns the launch URL to give the EHR (<see cref="LaunchUri"/>/<paramref name="key"/>, so
    /// parallel launches cannot cross); a launch at the bare <see cref="LaunchUri"/> goes to the oldest waiter.
    /// <paramref name="respond"/> gets the launch and returns where to send the browser, or null to show a page instead.
    /// </summary>
    public Uri ExpectLaunch(string key, Func<LaunchCapture, Task<Uri?>> respond)
    {
        _launches[key] = new LaunchWaiter(respond, DateTimeOffset.UtcNow);
        return new Uri(LaunchUri + "/" + Uri.EscapeDataString(key));
    }

    public void ForgetLaunch(string key) => _launches.TryRemove(key, out _);

    private sealed record LaunchWaiter(Func<LaunchCapture, Task<Uri?>> Respond, DateTimeOffset Since);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            if (IsLaunch(context.Request.Url!)) _ = HandleLaunchAsync(context);
            else if (FormPage(context.Request.Url!) is { } form) Respond(context, 200, form);
            else Handle(context);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var url = context.Request.Url!;
        var isCallback = url.AbsolutePath.TrimEnd('/') == CallbackUri.AbsolutePath.TrimEnd('/');
        if (isCallback)
        {
            var capture = new RedirectCapture(url, DateTimeOffset.UtcNow);
            if (capture.State is { } state && _waiting.TryRemove(state, out var waiter)) waiter.TrySetResult(capture);
            else _unclaimed.Enqueue(capture);
        }
        else
        {
            _elsewhere.Enqueue(new RedirectCapture(url, DateTimeOffset.UtcNow));
        }
        var page = isCallback
            ? $"<!doctype html><title>SmartConformance</title><p id=\"{PageMarker}\">SmartConformance received the authorization response. You can close this window.</p>"
            : $"<!doctype html><title>Not found</title><p id=\"{WrongPathMarker}\">Not the SmartConformance redirect URI: the suite listens at {WebUtility.HtmlEncode(CallbackUri.ToString())}.</p>";
        Respond(context, isCallback ? 200 : 404, page);
    }

    private string? FormPage(Uri url) =>
        url.AbsolutePath.StartsWith(FormPostPath + "/", StringComparison.Ordinal) &&
        _forms.TryRemove(url.AbsolutePath[(FormPostPath.Length + 1)..], out var page) ? page : null;

    private static void Respond(HttpListenerContext context, int status, string page)
    {
        var bytes = Encoding.UTF8.GetBytes(page);
        try
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
        catch (Exception) { /* the browser went away; the capture is what matters */ }
    }

    private static bool IsLaunch(Uri url) =>
        url.AbsolutePath == LaunchPath || url.AbsolutePath.StartsWith(LaunchPath + "/", StringComparison.Ordinal);

    private async Task HandleLaunchAsync(HttpListenerContext context)
    {
        var url = context.Request.Url!;
        var key = Uri.UnescapeDataString(url.AbsolutePath[LaunchPath.Length..].TrimStart('/'));
        LaunchWaiter? waiter = null;
        if (key.Length > 0) _launches.TryRemove(key, out waiter);
        else if (_launches.OrderBy(l => l.Value.Since).Select(l => l.Key).FirstOrDefault() is { } oldest) _launches.TryRemove(oldest, out waiter);

        Uri? next = null;
        var page = "SmartConformance received the launch but no launch was expected.";
        if (waiter is not null)
        {
            try
            {
                next = await waiter.Respond(new LaunchCapture(url, DateTimeOffset.UtcNow));
                page = "SmartConformance received the launch but cannot continue it; the report says why.";
            }
            catch (Exception ex) { page = $"SmartConformance could not continue the launch: {ex.Message}"; }
        }
        try
        {
            if (next is not null)
            {
                context.Response.StatusCode = 302;
                context.Response.RedirectLocation = next.AbsoluteUri;
                context.Response.Close();
                return;
            }
            var bytes = Encoding.UTF8.GetBytes($"<!doctype html><title>SmartConformance</title><p id=\"smart-conformance-launch\">{WebUtility.HtmlEncode(page)}</p>");
            context.Response.StatusCode = waiter is null ? 404 : 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
        catch (Exception) { /* the browser went away; the flow has the launch */ }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        foreach (var waiter in _waiting.Values) waiter.TrySetCanceled();
        _launches.Clear();
        try { await _loop.WaitAsync(TimeSpan.FromSeconds(2)); } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }
}
