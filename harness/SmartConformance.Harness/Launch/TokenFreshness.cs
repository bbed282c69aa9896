namespace SmartConformance.Harness.Launch;

/// <summary>
/// How much life an access token has left, counted from when its token request was sent (the server issued it no
/// earlier) and its expires_in. A token is fresh while more than a margin is left, so a check that starts with it can
/// finish its reads before it expires.
/// </summary>
public readonly record struct TokenFreshness(DateTimeOffset SentAt, double? ExpiresInSeconds)
{
    public static readonly TimeSpan MinimumMargin = TimeSpan.FromSeconds(5);

    /// <summary>Null when the token response had no positive expires_in: the token is then used as it is.</summary>
    public TimeSpan? Lifetime => ExpiresInSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;

    public TimeSpan? Remaining(DateTimeOffset now) => Lifetime is { } lifetime ? SentAt + lifetime - now : null;

    public bool IsExpired(DateTimeOffset now) => Remaining(now) is { } left && left <= TimeSpan.Zero;

    public bool IsFresh(DateTimeOffset now) => Remaining(now) is not { } left || left > Margin(Lifetime!.Value);

    /// <summary>
    /// 10% of the lifetime or 5 s, whichever is larger, but never more than half the lifetime: a token that lives
    /// 3 s would otherwise never count as fresh.
    /// </summary>
    public static TimeSpan Margin(TimeSpan lifetime)
    {
        var margin = TimeSpan.FromTicks(Math.Max(lifetime.Ticks / 10, MinimumMargin.Ticks));
        return margin < lifetime / 2 ? margin : lifetime / 2;
    }
}
