using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Introspection;

/// <summary>
/// OpenIddict's client identification (<see cref="OpenIddictServerHandlers.ValidateClientId"/>), skipped for an introspection
/// request that <see cref="AuthenticateIntrospectionBearer"/> authorized by its bearer token: that caller sends no client_id.
/// </summary>
internal sealed class ValidateClientIdUnlessBearer(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    private readonly OpenIddictServerHandlers.ValidateClientId _inner = new(applications);

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ValidateClientIdUnlessBearer>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientId.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessAuthenticationContext context) =>
        IntrospectionBearer.IsAuthorized(context.Transaction) ? default : _inner.HandleAsync(context);
}
