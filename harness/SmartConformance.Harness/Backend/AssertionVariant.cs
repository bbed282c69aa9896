namespace SmartConformance.Harness.Backend;

/// <summary>
/// How a client assertion departs from a valid one (the default is valid): each property breaks one rule of SMART
/// client-confidential-asymmetric / RFC 7523 §3, so a server must refuse it with invalid_client.
/// </summary>
public sealed record AssertionVariant
{
    public static AssertionVariant Valid { get; } = new();

    public string? Issuer { get; init; }
    public string? Subject { get; init; }
    public string? Audience { get; init; }
    /// <summary>exp relative to now (default four minutes; negative for an expired assertion).</summary>
    public TimeSpan? ExpiresIn { get; init; }
    public bool OmitJti { get; init; }
    /// <summary>A fixed jti (to replay one); default a fresh GUID.</summary>
    public string? Jti { get; init; }
    public string? KeyId { get; init; }
    /// <summary>Signed by a freshly made key instead of the registered one (same kid and alg).</summary>
    public bool WrongKey { get; init; }
    /// <summary>An unsecured JWT: alg none, no signature.</summary>
    public bool AlgNone { get; init; }
}
