using System.Net.Http.Headers;

namespace SmartConformance.Tests.Framework;

public static class MediaType
{
    /// <summary>True when a Content-Type header names the media type, whatever its parameters (charset...).</summary>
    public static bool Is(string? contentType, string mediaType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        string.Equals(parsed.MediaType, mediaType, StringComparison.OrdinalIgnoreCase);
}
