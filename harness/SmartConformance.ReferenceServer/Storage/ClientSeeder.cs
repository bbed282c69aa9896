using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.OAuth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Storage;

/// <summary>
/// Registers the seeded clients before the server starts listening: a public one, a confidential one (the only one
/// registered for offline access, i.e. the refresh_token grant), a public one with short-lived access tokens, a public one
/// with short-lived access tokens that is registered for offline access, and a public one with short-lived codes.
/// </summary>
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

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Uri> redirectUris, TimeSpan shortLivedAccessTokenLifetime,
        CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var policy = services.GetRequiredService<OAuthPolicy>();
        var everyClientOffline = !policy.OfflineAccessOnlyForRegisteredClients;

        await applications.CreateAsync(
            Describe(SeedData.PublicClientId, "SMART public app", secret: null, offline: everyClientOffline, redirectUris), ct);
        await applications.CreateAsync(
            Describe(SeedData.ConfidentialClientId, "SMART confidential app", SeedData.ConfidentialClientSecret, offline: true, redirectUris), ct);

        var shortLived = Describe(SeedData.ShortLivedClientId, "SMART app with short-lived tokens", secret: null, offline: everyClientOffline, redirectUris);
        shortLived.Settings[Settings.TokenLifetimes.AccessToken] = shortLivedAccessTokenLifetime.ToString("c", CultureInfo.InvariantCulture);
        await applications.CreateAsync(shortLived, ct);

        var shortCode = Describe(SeedData.ShortCodeClientId, "SMART app with short-lived authorization codes", secret: null, offline: everyClientOffline, redirectUris);
        if (policy.ShortCodeClientCodeLifetime is { } codeLifetime)
            shortCode.Settings[Settings.TokenLifetimes.AuthorizationCode] = codeLifetime.ToString("c", CultureInfo.InvariantCulture);
        await applications.CreateAsync(shortCode, ct);

        var shortLivedOffline = Describe(SeedData.ShortLivedOfflineClientId, "SMART app with short-lived tokens and refresh tokens", secret: null, offline: true, redirectUris);
        shortLivedOffline.Settings[Settings.TokenLifetimes.AccessToken] = shortLivedAccessTokenLifetime.ToString("c", CultureInfo.InvariantCulture);
        await applications.CreateAsync(shortLivedOffline, ct);

        await Backend.BackendClientSeeder.SeedAsync(applications, services.GetRequiredService<Backend.BackendPolicy>(), shortLivedAccessTokenLifetime, ct);
    }

    private static OpenIddictApplicationDescriptor Describe(string clientId, string displayName, string? secret, bool offline,
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
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };

        // Registration for offline access: without the refresh_token grant, offline_access is dropped from requests.
        if (offline)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        }

        descriptor.RedirectUris.UnionWith(redirectUris);

        foreach (var scope in SeedData.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        return descriptor;
    }
}
