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
}
