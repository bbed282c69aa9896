namespace SmartConformance.Harness.Profiles;

/// <summary>How the suite may call the introspection endpoint besides client authentication (see profile.schema.json "introspection").</summary>
public sealed record IntrospectionProfile
{
    /// <summary>A SMART bearer token the server accepts as authorization to introspect (INT-06); null leaves that untested.</summary>
    public IntrospectionBearerProfile? Bearer { get; init; }
}

/// <summary>
/// Where the introspection bearer token comes from and the scope that makes it "appropriately scoped" (SMART leaves that to
/// the server). "backend": a client_credentials grant of the profile's backendServices client with <see cref="Scope"/>.
/// </summary>
public sealed record IntrospectionBearerProfile
{
    public const string BackendSource = "backend";

    public string Source { get; init; } = BackendSource;
    public required string Scope { get; init; }
}
