using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmartConformance.Reports.Html;

/// <summary>A body ready to show: pretty-printed when it is JSON, and cut when it is too big for the page.</summary>
internal sealed record FormattedBody(string Text, bool IsJson, string? Note);

internal static class BodyFormatter
{
    /// <summary>Bodies longer than this (in characters, about 200 KB) are shown cut.</summary>
    public const int MaxShownChars = 200_000;

    private static readonly JsonWriterOptions PrettyOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <param name="body">The recorded body.</param>
    /// <param name="contentType">The Content-Type header, if any.</param>
    /// <param name="truncatedWhenRecorded">True when the recorder already cut the body.</param>
    public static FormattedBody Format(string body, string? contentType, bool truncatedWhenRecorded)
    {
        var notes = new List<string>();
        if (truncatedWhenRecorded)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"(body cut at {Encoding.UTF8.GetByteCount(body)} bytes)"));

        var text = body;
        var isJson = false;
        if (body.Length <= MaxShownChars && LooksLikeJson(body, contentType) && TryPrettyPrint(body, out var pretty))
        {
            text = pretty;
            isJson = true;
        }
        if (text.Length > MaxShownChars)
        {
            var cut = MaxShownChars;
            if (char.IsHighSurrogate(text[cut - 1]))
                cut--;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"(body shown cut at {MaxShownChars / 1000} KB of {Encoding.UTF8.GetByteCount(body)} bytes; report.json has all that was recorded)"));
            text = text[..cut];
        }
        return new FormattedBody(text, isJson, notes.Count == 0 ? null : string.Join(' ', notes));
    }

    /// <summary>Indents JSON text; false when it is not valid JSON (a cut body, HTML, a form).</summary>
    public static bool TryPrettyPrint(string json, out string pretty)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, PrettyOptions))
                document.WriteTo(writer);
            pretty = Encoding.UTF8.GetString(stream.ToArray());
            return true;
        }
        catch (JsonException)
        {
            pretty = json;
            return false;
        }
    }

    private static bool LooksLikeJson(string body, string? contentType)
    {
        if (contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return true;
        var start = body.AsSpan().TrimStart();
        return start.Length > 0 && (start[0] == '{' || start[0] == '[');
    }
}
