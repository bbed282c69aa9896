using System.Text.Json;

namespace SmartConformance.Harness.Profiles;

/// <summary>
/// A SMART Backend Services client (client_credentials with private_key_jwt), see profile.schema.json "backendServices".
/// The BSV checks skip when the profile has none.
/// </summary>
public sealed record BackendServicesProfile
{
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "k"];

    public required string ClientId { get; init; }
    /// <summary>Private JWKs (RS384 and/or ES384), each with its kid, as registered with the server.</summary>
    public required IReadOnlyList<JsonElement> Keys { get; init; }
    /// <summary>The system scopes to request, all within the client's pre-authorization.</summary>
    public required string Scope { get; init; }
    /// <summary>A system scope outside the pre-authorization, requested on top of <see cref="Scope"/> to see it narrowed or refused.</summary>
    public string? ScopeBeyondPreAuthorization { get; init; }
    /// <summary>A FHIR read (relative to the base) the scopes cover, and one they do not.</summary>
    public string? InScopeRead { get; init; }
    public string? OutOfScopeRead { get; init; }
    /// <summary>A second backend client with the same keys whose tokens expire within seconds, to watch one expire.</summary>
    public string? ShortLivedClientId { get; init; }

    /// <summary>The private key material, to be hidden from every report.</summary>
    public IEnumerable<string> SecretValues() =>
        from key in Keys
        where key.ValueKind == JsonValueKind.Object
        from member in PrivateMembers
        where key.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
        select key.GetProperty(member).GetString()!;
}
