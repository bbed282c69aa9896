namespace SmartConformance.ReferenceServer.Registration;

/// <summary>Switches of the dynamic client registration endpoint that faults may turn. The defaults are conformant.</summary>
internal sealed class RegistrationPolicy
{
    /// <summary>Redirect URIs must be absolute, without a fragment, and https unless they are loopback.</summary>
    public bool ValidateRedirectUris { get; set; } = true;

    /// <summary>A confidential registration's answer carries the client_secret it was given.</summary>
    public bool ReturnClientSecret { get; set; } = true;

    /// <summary>A bad redirect URI is answered with invalid_redirect_uri (false: invalid_client_metadata for every problem).</summary>
    public bool DistinctRedirectUriError { get; set; } = true;

    /// <summary>Registered clients are stored (false: the answer names a client_id nobody can use).</summary>
    public bool PersistClients { get; set; } = true;
}
