using System.Globalization;

namespace SmartConformance.Reports.Text;

/// <summary>Small culture-independent text helpers shared by the writers.</summary>
internal static class TextFormat
{
    /// <summary>Milliseconds as seconds for JUnit: "1.234", always with a dot.</summary>
    public static string Seconds(long milliseconds) =>
        (Math.Max(0, milliseconds) / 1000.0).ToString("0.0##", CultureInfo.InvariantCulture);

    /// <summary>A duration for people: "340 ms", "4.2 s", "3 min 05 s", "1 h 02 min".</summary>
    public static string Duration(long milliseconds)
    {
        if (milliseconds < 0)
            milliseconds = 0;
        if (milliseconds < 1000)
            return milliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
        if (milliseconds < 60_000)
            return (milliseconds / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s";
        var time = TimeSpan.FromMilliseconds(milliseconds);
        if (time.TotalHours < 1)
            return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes} min {time.Seconds:00} s");
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours} h {time.Minutes:00} min");
    }

    /// <summary>A UTC timestamp for people: "2025-03-04 13:40:05 UTC".</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The first non-blank line of a message, for one-line summaries.</summary>
    public static string FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
                return trimmed;
        }
        return string.Empty;
    }

    /// <summary>A group name fit for display; checks without one are gathered under "(no group)".</summary>
    public static string GroupName(string? group) => string.IsNullOrWhiteSpace(group) ? "(no group)" : group;

    /// <summary>"METHOD url → status (duration)", or the error when no response came.</summary>
    public static string ExchangeLine(Model.ExchangeReport exchange)
    {
        var outcome = exchange.Status is { } status
            ? status.ToString(CultureInfo.InvariantCulture)
            : "no response" + (string.IsNullOrWhiteSpace(exchange.Error) ? string.Empty : ": " + FirstLine(exchange.Error));
        return $"{exchange.Method} {exchange.Url} → {outcome} ({Duration(exchange.DurationMs)})";
    }
}
