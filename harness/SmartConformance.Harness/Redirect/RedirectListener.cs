using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartConformance.Harness.Redirect;

/// <summary>
/// Listens on the loopback redirect URI and hands each authorization response to the launch waiting for its
/// <c>state</c>, so several launches can run at once. The browser gets a small page saying it may close.
/// </summary>
public sealed class RedirectListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RedirectCapture>> _waiting = new();
    private readonly ConcurrentQueue<RedirectCapture> _unclaimed = new();
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

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            Handle(context);
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
        var page = isCallback
            ? $"<!doctype html><title>SmartConformance</title><p id=\"{PageMarker}\">SmartConformance received the authorization response. You can close this window.</p>"
            : $"<!doctype html><title>Not found</title><p id=\"{WrongPathMarker}\">Not the SmartConformance redirect URI: the suite listens at {WebUtility.HtmlEncode(CallbackUri.ToString())}.</p>";
        var bytes = Encoding.UTF8.GetBytes(page);
        try
        {
            context.Response.StatusCode = isCallback ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
        catch (Exception) { /* the browser went away; the capture is what matters */ }
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
        try { await _loop.WaitAsync(TimeSpan.FromSeconds(2)); } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }
}
