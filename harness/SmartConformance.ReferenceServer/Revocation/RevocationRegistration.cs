using Microsoft.Extensions.DependencyInjection;

namespace SmartConformance.ReferenceServer.Revocation;

/// <summary>
/// Token revocation (RFC 7009). OpenIddict revokes the token's database entry; the FHIR endpoints check that entry on
/// every request, so a revoked access token stops working at once instead of at its expiry.
/// </summary>
internal static class RevocationRegistration
{
    public const string Path = "revoke";

    public static IServiceCollection AddTokenRevocation(this IServiceCollection services, OpenIddictServerBuilder server, OpenIddictValidationBuilder validation)
    {
        server.SetRevocationEndpointUris(Path);
        validation.EnableTokenEntryValidation();
        return services;
    }
}
