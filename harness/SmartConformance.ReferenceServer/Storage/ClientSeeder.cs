using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Storage;

/// <summary>Registers the seeded public and confidential clients before the server starts listening.</summary>
internal static class ClientSeeder
{
    /// <summary>Absolute http(s) URIs only; checked before anything starts.</summary>
    public static IReadOnlyList<Uri> ParseRedirectUris(IEnumerable<string> redirectUris) =>
        redirectUris.Select(uri =>
            Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" && parsed.Fragment.Length == 0
                ? parsed
                : throw new ArgumentException($"Redirect URI '{uri}' is not an absolute http(s) URI without a fragment.",
                    nameof(ReferenceServerOptions.RedirectUris)))
        .ToList();

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Uri> redirectUris, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        await applications.CreateAsync(Describe(SeedData.PublicClientId, "SMART public app", secret: null, redirectUris), ct);
        await applications.CreateAsync(
            Describe(SeedData.ConfidentialClientId, "SMART confidential app", SeedData.ConfidentialClientSecret, redirectUris), ct);
    }

    private static OpenIddictApplicationDescriptor Describe(string clientId, string displayName, string? secret,
        IReadOnlyList<Uri> redirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Introspection,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };

        descriptor.RedirectUris.UnionWith(redirectUris);

        foreach (var scope in SeedData.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        return descriptor;
    }
}
