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
        "client-confidential-asymmetric",
        "context-standalone-patient",
        "context-standalone-encounter",
        "context-ehr-patient",
        "context-ehr-encounter",
        "context-banner",
        "context-style",
        "permission-offline",
        "permission-online",
        "permission-patient",
        "permission-user",
        "permission-v1",
        "permission-v2",
        "sso-openid-connect",
        "authorize-post",
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
            RegistrationEndpoint = urls.Absolute(Registration.RegistrationEndpoint.Path),
            GrantTypesSupported = ["authorization_code", "refresh_token", "client_credentials"],
            CodeChallengeMethodsSupported = ["S256"],
            TokenEndpointAuthMethodsSupported = ["client_secret_basic", "client_secret_post", "private_key_jwt"],
            TokenEndpointAuthSigningAlgValuesSupported = ["RS384", "ES384"],
            ScopesSupported = [.. SeedData.Scopes],
            ResponseTypesSupported = ["code"],
            Capabilities = [.. Capabilities],
            UserAccessBrandBundle = urls.Absolute(Brands.BrandBundleFactory.Path.TrimStart('/')),
            UserAccessBrandIdentifier = new BrandIdentifier { System = Brands.BrandBundleFactory.IdentifierSystem, Value = Brands.BrandBundleFactory.PrimaryIdentifier },
            AssociatedEndpoints = [new AssociatedEndpoint { Url = urls.SecondFhirBase, Capabilities = [.. Capabilities] }],
        };
        mutations.ApplyTo(configuration);
        return configuration;
    }
}
