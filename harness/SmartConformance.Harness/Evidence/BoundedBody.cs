using System.Text;

namespace SmartConformance.Harness.Evidence;

/// <summary>Reads a response body up to a bound, so a huge or endless body cannot exhaust memory or hang the run.</summary>
public static class BoundedBody
{
    public static async Task<(byte[] Bytes, bool Truncated)> ReadAsync(HttpContent content, long limit, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= limit)
        {
            var read = await stream.ReadAsync(chunk, ct);
            if (read == 0) return (buffer.ToArray(), false);
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        return (bytes[..(int)limit], true);
    }

    public static string Decode(byte[] bytes, string? charset)
    {
        try
        {
            var encoding = string.IsNullOrWhiteSpace(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
            return encoding.GetString(bytes);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(bytes);
        }
    }
}
