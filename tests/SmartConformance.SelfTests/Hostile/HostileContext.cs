using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>One request to the hostile server: which behaviour it belongs to, and helpers to answer it.</summary>
public sealed class HostileContext(HttpContext http, string behaviour, HostileState state)
{
    public HttpContext Http { get; } = http;
    public string Behaviour { get; } = behaviour;
    public HostileState State { get; } = state;
    public HttpRequest Request => Http.Request;
    public HttpResponse Response => Http.Response;
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>http(s)://127.0.0.1:PORT/{behaviour}: where this behaviour's endpoints live.</summary>
    public string Root => $"{Request.Scheme}://{Request.Host}/{Behaviour}";
    public string FhirBase => Root + "/fhir";

    public string? Form(string name) => Request.HasFormContentType ? Request.Form[name].FirstOrDefault() : null;
    public string? Query(string name) => Request.Query[name].FirstOrDefault();

    public Task Json(string json, int status = 200, string contentType = "application/json")
    {
        Response.StatusCode = status;
        Response.ContentType = contentType;
        return Response.WriteAsync(json, Aborted);
    }

    public Task Html(string html, int status = 200)
    {
        Response.StatusCode = status;
        Response.ContentType = "text/html; charset=utf-8";
        return Response.WriteAsync(html, Aborted);
    }

    public void Redirect(string location, int status = 302)
    {
        Response.StatusCode = status;
        Response.Headers.Location = location;
    }

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>Writes until the client goes away: for bodies that never end.</summary>
    public async Task WriteForeverAsync(byte[] chunk, TimeSpan pause)
    {
        try
        {
            while (!Aborted.IsCancellationRequested)
            {
                await Response.Body.WriteAsync(chunk, Aborted);
                await Response.Body.FlushAsync(Aborted);
                if (pause > TimeSpan.Zero) await Task.Delay(pause, Aborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException) { /* the client gave up, as it should */ }
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>What the hostile server remembers across requests: issued tokens, and counters per behaviour.</summary>
public sealed class HostileState
{
    public ConcurrentDictionary<string, string> IssuedTokens { get; } = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private int _inFlight;
    private int _maxInFlight;

    public int Count(string key) => _counters.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen) { }
        return new Leave(() => Interlocked.Decrement(ref _inFlight));
    }

    private sealed class Leave(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
