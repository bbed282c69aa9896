using System.Text;

namespace SmartConformance.Reports.Html;

/// <summary>HTML escaping. Everything that comes from a run (bodies, headers, messages) is hostile input.</summary>
internal static class HtmlText
{
    /// <summary>Escapes text for element content and quoted attribute values alike.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var builder = new StringBuilder(text.Length + 16);
        builder.AppendEscaped(text);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped: &amp; &lt; &gt; &quot; &#39;, and control characters other than tab and line breaks as U+FFFD.</summary>
    public static StringBuilder AppendEscaped(this StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return builder;
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r': builder.Append(c); break;
                case < ' ' or '\u007f': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }
        return builder;
    }

    /// <summary>Only http(s) addresses may become links; anything else (javascript:, data:) is shown as text.</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// A relative artifact path as an href ("shots/TOK 01.png" → "shots/TOK%2001.png"), or null when the path is not
    /// relative to the report folder (absolute, rooted, or with a scheme) and so must not be loaded by the page.
    /// </summary>
    public static string? RelativeHref(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return null;
        var normalized = path.Replace('\\', '/');
        if (normalized.StartsWith('/') || normalized.Contains(':') || normalized.Split('/').Contains(".."))
            return null;
        return string.Join('/', normalized.Split('/').Select(Uri.EscapeDataString));
    }
}
