using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Validation;
using SmartConformance.ReferenceServer.Hosting;
using SmartConformance.ReferenceServer.OAuth.Handlers;
using SmartConformance.ReferenceServer.Sessions;
using SmartConformance.ReferenceServer.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>
/// The conformant OpenIddict set-up: authorization code + PKCE S256, refresh tokens, unencrypted JWT access tokens
/// for the FHIR audience, and local validation for the FHIR endpoints. Returns the builders so faults can alter them.
/// </summary>
internal static class OpenIddictRegistration
{
    public const string AuthorizationPath = "authorize";
    public const string TokenPath = "token";
    public const string JwksPath = ".well-known/jwks";
    public const string OpenIdConfigurationPath = ".well-known/openid-configuration";

    public static (OpenIddictServerBuilder Server, OpenIddictValidationBuilder Validation) AddReferenceOpenIddict(
        this IServiceCollection services, ReferenceServerOptions options)
    {
        var openIddict = services.AddOpenIddict();
        openIddict.AddCore().UseEntityFrameworkCore().UseDbContext<ReferenceDbContext>();

        var server = openIddict.AddServer()
            .SetAuthorizationEndpointUris(AuthorizationPath)
            .SetTokenEndpointUris(TokenPath)
            .SetJsonWebKeySetEndpointUris(JwksPath)
            .SetConfigurationEndpointUris(OpenIdConfigurationPath)
            .AllowAuthorizationCodeFlow()
            .AllowRefreshTokenFlow()
            .RequireProofKeyForCodeExchange()
            .RegisterScopes([.. SeedData.Scopes])
            .SetAccessTokenLifetime(options.AccessTokenLifetime)
            // A redeemed refresh token is dead at once (RFC 9700 §4.14.2); OpenIddict's default 30 s grace lets it be replayed.
            .SetRefreshTokenReuseLeeway(TimeSpan.Zero)
            .AddSigningKey(EphemeralRsaKey())
            .AddEncryptionKey(EphemeralRsaKey())
            .DisableAccessTokenEncryption()
            .AddEventHandler(ValidateSmartAudienceParameter.Descriptor)
            .AddEventHandler(AttachLaunchContextParameters.Descriptor)
            .AddEventHandler(RefuseUnknownScopes.Descriptor)
            .AddEventHandler(DropUnregisteredOfflineAccess.Descriptor)
            .AddEventHandler(AttachGrantedScope.Descriptor)
            .AddEventHandler(RoundAccessTokenExpiryUp.Descriptor)
            .AddEventHandler(RefuseScopesBeyondTheGrant.Descriptor)
            .AddEventHandler(IssueOnlineRefreshToken.Descriptor)
            .AddEventHandler(RefuseRefreshAfterLogout.Descriptor)
            .RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateGrantedScopes.Descriptor)
            // Replaced by RefuseUnknownScopes, which sends invalid_scope back to the client instead of showing a local page.
            .RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateScopes.Descriptor)
            .RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateScopePermissions.Descriptor);
        server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
        server.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .DisableTransportSecurityRequirement();

        var validation = openIddict.AddValidation();
        validation.UseLocalServer();
        validation.UseAspNetCore();

        // The issuer and audience contain the port, known only once Kestrel listens; options are built on first use.
        services.AddOptions<OpenIddictServerOptions>().Configure<ServerUrls>((o, urls) => o.Issuer = urls.BaseUrl);
        // Either protected base; FhirAuthorization then accepts a token only at the base its aud names.
        services.AddOptions<OpenIddictValidationOptions>().Configure<ServerUrls>((o, urls) =>
        {
            o.Audiences.Add(urls.FhirBase);
            o.Audiences.Add(urls.SecondFhirBase);
        });

        return (server, validation);
    }

    // Like AddEphemeralSigningKey/AddEphemeralEncryptionKey (in memory, never written), but 2048-bit: OpenIddict's
    // ephemeral keys are 4096-bit and take seconds to generate, for every host a test run starts.
    private static RsaSecurityKey EphemeralRsaKey() => new(RSA.Create(2048));
}
