using System.Net;
using SmartConformance.Harness.Evidence;

namespace SmartConformance.Harness.Http;

/// <summary>
/// Follows redirects for the requests that ask for it (<see cref="SuiteHttp.FollowRedirects"/>), on the same origin
/// only and a bounded number of times, so a redirect loop or a hop to another host ends with an error that names it.
/// Each hop is recorded as its own exchange.
/// </summary>
public sealed class SameOriginRedirectHandler : DelegatingHandler
{
    public const int MaxHops = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (!request.Options.TryGetValue(SuiteHttp.FollowRedirects, out var follow) || !follow) return response;
        var visited = new List<Uri> { request.RequestUri! };
        while (IsRedirect(response.StatusCode))
        {
            var from = visited[^1];
            if (response.Headers.Location is not { } location)
                throw new HttpRequestException($"the server answered {(int)response.StatusCode} (a redirect) without a Location header");
            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            if (!SameOrigin(from, target))
                throw new HttpRequestException($"the server redirected {from} to another origin, {target}; the suite follows redirects only on the same scheme, host and port, so serve the document at the URL the spec names");
            if (visited.Contains(target) || visited.Count > MaxHops)
                throw new HttpRequestException($"redirect loop: {string.Join(" → ", visited.Append(target))}{(visited.Contains(target) ? "" : $" (more than {MaxHops} redirects)")}");
            visited.Add(target);
            response.Dispose();
            using var next = new HttpRequestMessage(HttpMethod.Get, target);
            foreach (var header in request.Headers) next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (request.Options.TryGetValue(RecordingHandler.ExchangeName, out var name)) next.Options.Set(RecordingHandler.ExchangeName, name);
            response = await base.SendAsync(next, ct);
        }
        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme.Equals(b.Scheme, StringComparison.OrdinalIgnoreCase) && a.Host.Equals(b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
