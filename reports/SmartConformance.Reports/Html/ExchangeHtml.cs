using System.Globalization;
using System.Text;
using SmartConformance.Reports.Model;
using SmartConformance.Reports.Text;

namespace SmartConformance.Reports.Html;

/// <summary>One HTTP exchange as a collapsible block: the request, the response, and any JWT in them decoded.</summary>
internal static class ExchangeHtml
{
    public static void Append(StringBuilder html, ExchangeReport exchange)
    {
        html.Append("<details class=\"ex\"><summary><span class=\"method\">").AppendEscaped(exchange.Method)
            .Append("</span><span class=\"url\" title=\"").AppendEscaped(exchange.Url).Append("\">").AppendEscaped(exchange.Url).Append("</span>");
        Status(html, exchange);
        html.Append("<span class=\"dur\">").AppendEscaped(TextFormat.Duration(exchange.DurationMs)).Append("</span>");
        if (!string.IsNullOrWhiteSpace(exchange.Name))
            html.Append("<span class=\"tag\">").AppendEscaped(exchange.Name).Append("</span>");
        html.Append("<span class=\"tag\">").AppendEscaped(exchange.Source).Append("</span></summary>\n<div class=\"ex-body\">\n");

        var seen = new HashSet<string>(StringComparer.Ordinal);

        html.Append("<h4>Request</h4><div class=\"full-url\"><b>").AppendEscaped(exchange.Method).Append("</b> ").AppendEscaped(exchange.Url)
            .Append("</div><div class=\"dur\">started ").AppendEscaped(TextFormat.Timestamp(exchange.StartedAt)).Append("</div>\n");
        Jwts(html, exchange.Url, "in the URL", seen);
        Headers(html, exchange.RequestHeaders, "Request headers", seen);
        if (exchange.RequestBody is not null)
        {
            html.Append("<h4>Request body</h4>\n");
            Body(html, exchange.RequestBody, Header(exchange.RequestHeaders, "Content-Type"), truncated: false);
            Jwts(html, exchange.RequestBody, "in the request body", seen);
        }

        html.Append("<h4>Response</h4>\n");
        if (exchange.Status is null)
        {
            html.Append("<p class=\"ex-error\">No response").Append(string.IsNullOrWhiteSpace(exchange.Error) ? "." : ": ")
                .AppendEscaped(exchange.Error).Append("</p>\n");
        }
        else
        {
            html.Append("<div>Status ");
            Status(html, exchange);
            html.Append("</div>\n");
            if (!string.IsNullOrWhiteSpace(exchange.Error))
                html.Append("<p class=\"ex-error\">").AppendEscaped(exchange.Error).Append("</p>\n");
            Headers(html, exchange.ResponseHeaders, "Response headers", seen);
            html.Append("<h4>Response body</h4>\n");
            if (exchange.ResponseBody is null)
            {
                html.Append("<p class=\"none\">(no body recorded)</p>\n");
            }
            else
            {
                Body(html, exchange.ResponseBody, Header(exchange.ResponseHeaders, "Content-Type"), exchange.ResponseBodyTruncated);
                Jwts(html, exchange.ResponseBody, "in the response body", seen);
            }
        }
        html.Append("</div></details>\n");
    }

    private static void Status(StringBuilder html, ExchangeReport exchange)
    {
        if (exchange.Status is { } status)
        {
            var family = status is >= 200 and < 600 ? "s" + (status / 100).ToString(CultureInfo.InvariantCulture) : "none";
            html.Append("<span class=\"status ").Append(family).Append("\">").Append(status.ToString(CultureInfo.InvariantCulture)).Append("</span>");
        }
        else
        {
            html.Append("<span class=\"status none\" title=\"").AppendEscaped(exchange.Error).Append("\">no response</span>");
        }
    }

    private static void Headers(StringBuilder html, IReadOnlyDictionary<string, string> headers, string title, HashSet<string> seen)
    {
        html.Append("<h4>").Append(title).Append("</h4>\n");
        if (headers.Count == 0)
        {
            html.Append("<p class=\"none\">(none recorded)</p>\n");
            return;
        }
        html.Append("<table class=\"headers\">");
        foreach (var (name, value) in headers)
            html.Append("<tr><th>").AppendEscaped(name).Append("</th><td>").AppendEscaped(value).Append("</td></tr>");
        html.Append("</table>\n");
        foreach (var (name, value) in headers)
            Jwts(html, value, $"in the {name} header", seen);
    }

    private static void Body(StringBuilder html, string body, string? contentType, bool truncated)
    {
        if (body.Length == 0)
        {
            html.Append("<p class=\"none\">(empty)</p>\n");
            return;
        }
        var formatted = BodyFormatter.Format(body, contentType, truncated);
        html.Append("<pre class=\"body\">").AppendEscaped(formatted.Text).Append("</pre>\n");
        if (formatted.Note is not null)
            html.Append("<p class=\"note\">").AppendEscaped(formatted.Note).Append("</p>\n");
    }

    /// <summary>Each JWT in <paramref name="text"/> that this exchange has not shown yet: raw value, header and claims side by side.</summary>
    private static void Jwts(StringBuilder html, string? text, string where, HashSet<string> seen)
    {
        foreach (var jwt in JwtDecoder.FindAll(text))
        {
            if (!seen.Add(jwt.Raw))
                continue;
            html.Append("<div class=\"jwt\"><div><b>JWT ").AppendEscaped(where).Append("</b><pre>").AppendEscaped(jwt.Raw).Append("</pre></div>")
                .Append("<div><b>Header</b><pre>").AppendEscaped(jwt.Header).Append("</pre></div>")
                .Append("<div><b>Claims</b><pre>").AppendEscaped(jwt.Claims).Append("</pre>");
            if (jwt.Times.Count > 0)
            {
                html.Append("<p class=\"times\">");
                html.AppendEscaped(string.Join(" · ", jwt.Times.Select(t => $"{t.Claim}: {t.When}")));
                html.Append("</p>");
            }
            html.Append("</div></div>\n");
        }
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
