using SmartConformance.Harness.Evidence;

namespace SmartConformance.Tests.Framework;

/// <summary>
/// Builds the message a vendor reads when a check fails: what is wrong, what was sent, what came back,
/// and what the spec requires, so the report alone is enough to act on.
/// </summary>
public static partial class FailureMessage
{
    public static string Compose(string problem, HttpExchange? exchange, string requirement, string? specUrl)
    {
        var lines = new List<string> { problem };
        if (exchange is not null)
        {
            lines.Add($"Sent: {exchange.Method} {exchange.Url}");
            lines.Add(exchange.Status is null
                ? $"Received: no response ({exchange.Error ?? "unknown error"})"
                : $"Received: {exchange.Status} {exchange.ResponseHeader("Content-Type") ?? "(no Content-Type)"}{BodyPreview(exchange)}" +
                  (exchange.Error is null ? "" : $", then the body failed: {exchange.Error}"));
        }
        lines.Add($"Required: {requirement}{(specUrl is null ? "" : $" ({specUrl})")}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string BodyPreview(HttpExchange exchange)
    {
        if (string.IsNullOrEmpty(exchange.ResponseBody)) return ", empty body";
        // The preview is cut, so the report's redactor could not recognise a cut credential: hide them before cutting.
        var flat = CredentialFields().Replace(exchange.ResponseBody.ReplaceLineEndings(" ").Trim(), "\"$1\": \"«redacted»\"");
        var preview = flat.Length > 200 ? flat[..200] + "…" : flat;
        return $", body: {preview}{(exchange.ResponseBodyTruncated ? " (body cut at the size limit)" : "")}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"(access_token|refresh_token|id_token|code|code_verifier|client_secret|client_assertion|password|token)\"\\s*:\\s*\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex CredentialFields();
}
