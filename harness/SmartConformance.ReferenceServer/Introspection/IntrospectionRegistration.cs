using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Introspection;

/// <summary>
/// Token introspection (RFC 7662) as SMART profiles it (token-introspection.html), for authenticated confidential clients
/// and for callers presenting an access token with the <see cref="IntrospectionBearer.Scope"/> scope.
/// </summary>
internal static class IntrospectionRegistration
{
    public const string Path = "introspect";

    public static IServiceCollection AddTokenIntrospection(this IServiceCollection services, OpenIddictServerBuilder server)
    {
        server.SetIntrospectionEndpointUris(Path)
            .RegisterScopes(IntrospectionBearer.Scope)
            .AddEventHandler(AttachSmartIntrospectionClaims.Descriptor)
            .AddEventHandler(AuthenticateIntrospectionBearer.Descriptor)
            .AddEventHandler(ValidateClientIdUnlessBearer.Descriptor)
            .RemoveEventHandler(OpenIddictServerHandlers.ValidateClientId.Descriptor)
            // SMART: a client authorized to introspect may introspect tokens issued to any client, not only its own.
            .RemoveEventHandler(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor);
        return services;
    }
}
