using SmartConformance.ReferenceServer.Hosting;
using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Discovery;

/// <summary>Builds the conformant discovery document, then lets the active faults rewrite it.</summary>
internal sealed class SmartConfigurationFactory(ServerUrls urls, SmartConfigurationMutations mutations)
{
    public static IReadOnlyList<string> Capabilities { get; } =
    [
        "launch-standalone",
        "launch-ehr",
        "client-public",
        "client-confidential-symmetric",
        "context-standalone-patient",
        "context-standalone-encounter",
        "context-ehr-patient",
        "context-ehr-encounter",
        "context-banner",
        "context-style",
        "permission-offline",
        "permission-patient",
        "permission-v1",
        "permission-v2",
        "sso-openid-connect",
    ];

    public SmartConfiguration Create()
    {
        var configuration = new SmartConfiguration
        {
            // Equal to the id_token's iss and the openid-configuration issuer, as OpenID Connect requires.
            Issuer = urls.Issuer,
            JwksUri = urls.Absolute(OpenIddictRegistration.JwksPath),
            AuthorizationEndpoint = urls.Absolute(OpenIddictRegistration.AuthorizationPath),
            TokenEndpoint = urls.Absolute(OpenIddictRegistration.TokenPath),
            IntrospectionEndpoint = urls.Absolute(Introspection.IntrospectionRegistration.Path),
            RevocationEndpoint = urls.Absolute(Revocation.RevocationRegistration.Path),
            GrantTypesSupported = ["authorization_code", "refresh_token"],
            CodeChallengeMethodsSupported = ["S256"],
            TokenEndpointAuthMethodsSupported = ["client_secret_basic", "client_secret_post"],
            ScopesSupported = [.. SeedData.Scopes],
            ResponseTypesSupported = ["code"],
            Capabilities = [.. Capabilities],
        };
        mutations.ApplyTo(configuration);
        return configuration;
    }
}
