using System.Globalization;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Backend;

/// <summary>
/// The backend services clients: confidential, authenticated only by private_key_jwt with the keys in
/// <see cref="BackendClientKeys"/>, registered for client_credentials and pre-authorized for Patient and Observation,
/// and for the scope that authorizes calls to the introspection endpoint.
/// </summary>
internal static class BackendClientSeeder
{
    public static IReadOnlyList<string> PreAuthorizedScopes { get; } = ["system/Patient.rs", "system/Observation.rs", Introspection.IntrospectionBearer.Scope];

    public static async Task SeedAsync(IOpenIddictApplicationManager applications, BackendPolicy policy, TimeSpan shortLifetime,
        CancellationToken ct)
    {
        await applications.CreateAsync(Describe(SeedData.BackendClientId, "SMART backend service", policy.AccessTokenLifetime), ct);
        await applications.CreateAsync(Describe(SeedData.ShortLivedBackendClientId, "SMART backend service with short-lived tokens", shortLifetime), ct);
    }

    private static OpenIddictApplicationDescriptor Describe(string clientId, string displayName, TimeSpan accessTokenLifetime)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            JsonWebKeySet = new JsonWebKeySet(BackendClientKeys.JsonWebKeySet),
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Settings[Settings.TokenLifetimes.AccessToken] = accessTokenLifetime.ToString("c", CultureInfo.InvariantCulture);
        foreach (var scope in PreAuthorizedScopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        return descriptor;
    }
}
