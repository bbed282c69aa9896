using System.Diagnostics;
using System.Net.Http.Headers;
using SmartConformance.Harness.Http;

namespace SmartConformance.Harness.Evidence;

/// <summary>
/// Sits in every HttpClient the suite uses: records each request and response into the run's
/// <see cref="ExchangeRecorder"/> and replaces the response body with a bounded, buffered copy.
/// </summary>
public sealed class RecordingHandler(ExchangeRecorder recorder, long maxBodyBytes, TimeSpan timeout,
    CertificateTrust? trust = null, CancellationToken runStopping = default) : DelegatingHandler
{
    /// <summary>Request option naming the exchange ("token", "smart-configuration"...).</summary>
    public static readonly HttpRequestOptionsKey<string> ExchangeName = new("smart-conformance.exchange-name");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken callerToken)
    {
        // The timeout covers the headers and the whole body, so a body that never ends cannot hang the run.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(callerToken, runStopping);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
        if (!request.Options.TryGetValue(ExchangeName, out var name)) name = ExchangeNaming.ActiveName;
        var requestHeaders = Flatten(request.Headers, request.Content?.Headers);
        var draft = new HttpExchange
        {
            Sequence = recorder.NextSequence(), Name = name, Method = request.Method.Method,
            Url = request.RequestUri!, RequestHeaders = requestHeaders, RequestBody = requestBody, StartedAt = started,
        };
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, ct);
            var (bytes, truncated) = await ReadBodyAsync(response, ct);
            var contentHeaders = response.Content.Headers;
            var replacement = new ByteArrayContent(bytes);
            foreach (var header in contentHeaders)
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = replacement;
            Remember(draft with
            {
                Status = (int)response.StatusCode,
                ResponseHeaders = Flatten(response.Headers, contentHeaders),
                ResponseBody = bytes.Length == 0 ? null : BoundedBody.Decode(bytes, contentHeaders.ContentType?.CharSet),
                ResponseBodyTruncated = truncated,
                Duration = clock.Elapsed,
            });
            return response;
        }
        catch (Exception ex)
        {
            var error = TransportProblem.Describe(ex, request.RequestUri!, timeout, trust ?? CertificateTrust.System, callerToken, runStopping);
            Remember(draft with
            {
                Status = response is null ? null : (int)response.StatusCode,
                ResponseHeaders = response is null ? [] : Flatten(response.Headers, response.Content.Headers),
                Duration = clock.Elapsed, Error = error,
            });
            response?.Dispose();
            // Callers handle HttpRequestException and timeouts; a broken body (reset, bad gzip) must not reach them as anything else.
            if (ex is HttpRequestException or OperationCanceledException) throw;
            throw new HttpRequestException(error, ex);
        }
    }

    private async Task<(byte[] Bytes, bool Truncated)> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await BoundedBody.ReadAsync(response.Content, maxBodyBytes, ct);
        }
        catch (InvalidDataException ex)
        {
            throw new HttpRequestException($"the response body could not be decoded (the server declared a Content-Encoding the body does not match): {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new HttpRequestException($"the connection broke while the response body was being read (the server closed or reset it mid-body): {ex.Message}", ex);
        }
    }

    private void Remember(HttpExchange exchange) => ExchangeNaming.Capture(recorder.Record(exchange));

    private static IReadOnlyList<KeyValuePair<string, string>> Flatten(HttpHeaders headers, HttpContentHeaders? content)
    {
        var all = headers.AsEnumerable();
        if (content is not null) all = all.Concat(content);
        return all.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value))).ToList();
    }
}
