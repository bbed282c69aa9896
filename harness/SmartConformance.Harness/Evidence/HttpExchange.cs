namespace SmartConformance.Harness.Evidence;

/// <summary>
/// One request and its response exactly as they crossed the wire (unredacted, in memory only).
/// Checks read these; the report writer redacts them on the way out.
/// </summary>
public sealed record HttpExchange
{
    public required long Sequence { get; init; }
    /// <summary>What the exchange was for: "smart-configuration", "token", "authorize", "fhir-read"...</summary>
    public string? Name { get; init; }
    /// <summary>"suite" or "browser".</summary>
    public string Source { get; init; } = "suite";
    /// <summary>The NUnit test (or fixture) that was running when the exchange was made.</summary>
    public string? Owner { get; init; }
    public required string Method { get; init; }
    public required Uri Url { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];
    public string? RequestBody { get; init; }
    public int? Status { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];
    public string? ResponseBody { get; init; }
    public bool ResponseBodyTruncated { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public TimeSpan Duration { get; init; }
    /// <summary>Why no response arrived (timeout, refused connection, TLS failure), or null.</summary>
    public string? Error { get; init; }

    public string? ResponseHeader(string name) =>
        ResponseHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value).FirstOrDefault();

    /// <summary>One line for failure messages: "GET https://x/y → 404 (text/html, 1.2 KB)".</summary>
    public string Summary()
    {
        if (Status is null) return $"{Method} {Url} → no response ({Error ?? "unknown error"})";
        var type = ResponseHeader("Content-Type") ?? "no Content-Type";
        var size = ResponseBody is null ? "empty body" : $"{ResponseBody.Length:N0} chars{(ResponseBodyTruncated ? ", cut" : "")}";
        return $"{Method} {Url} → {Status} ({type}, {size})";
    }
}
