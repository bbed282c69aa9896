using Microsoft.Playwright;
using SmartConformance.Harness.Evidence;

namespace SmartConformance.Harness.Browser;

/// <summary>Records the pages the browser loads (the authorization server's traffic) into the run's evidence.</summary>
public static class BrowserTrafficRecorder
{
    public static List<HttpExchange> Attach(IPage page, ExchangeRecorder recorder, string owner)
    {
        var recorded = new List<HttpExchange>();
        page.Response += (_, response) =>
        {
            try { Record(response); }
            catch (Exception ex) when (ex is PlaywrightException or UriFormatException or InvalidOperationException)
            {
                // An odd URL or a page closed mid-response must not break the browser's event loop; the page is just not recorded.
            }
        };
        return recorded;

        void Record(IResponse response)
        {
            var request = response.Request;
            if (request.ResourceType != "document") return;
            var exchange = recorder.Record(new HttpExchange
            {
                Sequence = recorder.NextSequence(),
                Name = "browser-page",
                Source = "browser",
                Owner = owner,
                Method = request.Method,
                Url = new Uri(request.Url),
                RequestHeaders = request.Headers.ToList(),
                RequestBody = request.PostData,
                Status = response.Status,
                ResponseHeaders = response.Headers.ToList(),
                StartedAt = DateTimeOffset.UtcNow,
                Duration = TimeSpan.FromMilliseconds(Math.Max(0, request.Timing.ResponseEnd)),
            });
            lock (recorded) recorded.Add(exchange);
        }
    }
}
