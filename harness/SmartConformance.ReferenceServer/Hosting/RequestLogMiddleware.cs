using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartConformance.ReferenceServer.Hosting;

/// <summary>Logs one line per request: method, path, status and duration (never the query string, which may carry codes).</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        logger.LogInformation("{Method} {Path} -> {Status} ({Elapsed:0} ms)", context.Request.Method,
            context.Request.Path.Value, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
