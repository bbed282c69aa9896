namespace SmartConformance.Reports.Model;

/// <summary>One HTTP request and its response, already redacted, as evidence for a check.</summary>
public sealed record ExchangeReport
{
    /// <summary>Short name of what the exchange was for ("smart-configuration", "token", "authorize").</summary>
    public string? Name { get; init; }
    /// <summary>"suite" for requests the suite made, "browser" for traffic the browser made.</summary>
    public string Source { get; init; } = "suite";
    public required string Method { get; init; }
    public required string Url { get; init; }
    /// <summary>HTTP status, or null when no response arrived (see <see cref="Error"/>).</summary>
    public int? Status { get; init; }
    public IReadOnlyDictionary<string, string> RequestHeaders { get; init; } = new Dictionary<string, string>();
    public string? RequestBody { get; init; }
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = new Dictionary<string, string>();
    public string? ResponseBody { get; init; }
    /// <summary>True when the response body was longer than the recording bound and was cut.</summary>
    public bool ResponseBodyTruncated { get; init; }
    public long DurationMs { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>Why no response arrived: a timeout, a refused connection, a TLS failure.</summary>
    public string? Error { get; init; }
}
