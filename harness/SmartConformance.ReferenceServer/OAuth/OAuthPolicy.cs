namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>Switches of the authorization server that faults may turn. The defaults are the conformant behaviour.</summary>
internal sealed class OAuthPolicy
{
    /// <summary>Unregistered or malformed scopes are refused with <c>invalid_scope</c>, redirected to the client with the state.</summary>
    public bool RefuseUnknownScopes { get; set; } = true;

    /// <summary>Only clients registered for the refresh_token grant get <c>offline_access</c>; when false every client is registered.</summary>
    public bool OfflineAccessOnlyForRegisteredClients { get; set; } = true;

    /// <summary>A user's Deny on the consent page ends the request with access_denied; when false it is taken as Allow.</summary>
    public bool HonourDenial { get; set; } = true;

    /// <summary>A standalone launch granted <c>launch/encounter</c> gets an encounter of the selected patient.</summary>
    public bool StandaloneEncounterContext { get; set; } = true;

    /// <summary>
    /// <c>patient</c> and <c>encounter</c> come back only when <c>launch/patient</c> / <c>launch/encounter</c> (or an EHR
    /// <c>launch</c>) was granted; when false, the context the server knows is returned whatever was asked.
    /// </summary>
    public bool ContextOnlyWhenRequested { get; set; } = true;

    /// <summary>
    /// The authorization code lifetime of the short-code client (profiles/reference.json declares it for TOK-05); null
    /// leaves that client with the server-wide default of five minutes. Other clients keep the default, so a code that waits
    /// a while for its check is never mistaken for an expired one. Only TOK-05's probe uses the client, and it redeems its
    /// code only after the lifetime, so the lifetime can be as short as the run's critical path wants: that wait is on it.
    /// </summary>
    public TimeSpan? ShortCodeClientCodeLifetime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Scopes the user unticked on the consent page are left out of the grant.</summary>
    public bool HonourScopeDeselection { get; set; } = true;

    /// <summary>A scope the user narrowed on the consent page to one category is granted as that granular scope.</summary>
    public bool HonourScopeNarrowing { get; set; } = true;
}
