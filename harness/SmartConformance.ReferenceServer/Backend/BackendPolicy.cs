namespace SmartConformance.ReferenceServer.Backend;

/// <summary>Switches of client assertion validation and the client_credentials grant that faults may turn. The defaults are conformant.</summary>
internal sealed class BackendPolicy
{
    /// <summary>The assertion's signature is verified with the client's registered key.</summary>
    public bool VerifyAssertionSignature { get; set; } = true;

    /// <summary>An assertion whose <c>exp</c> has passed is refused.</summary>
    public bool RejectExpiredAssertions { get; set; } = true;

    /// <summary>The assertion's <c>aud</c> must be the token endpoint URL.</summary>
    public bool CheckAssertionAudience { get; set; } = true;

    /// <summary>A <c>jti</c> already used by the same client within its assertion's lifetime is refused.</summary>
    public bool RejectReplayedJti { get; set; } = true;

    /// <summary>Requested scopes beyond the client's pre-authorization are dropped (false: granted as asked).</summary>
    public bool NarrowToPreAuthorization { get; set; } = true;

    /// <summary>
    /// Access token lifetime of the backend client: within the five minutes SMART Backend Services advises. 299 s because
    /// RoundAccessTokenExpiryUp adds up to a second, so expires_in comes out as 299 or 300, never 301.
    /// </summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(299);
}
