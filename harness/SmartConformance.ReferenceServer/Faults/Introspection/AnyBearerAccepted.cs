using OpenIddict.Server;
using SmartConformance.ReferenceServer.Introspection;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Introspection;

/// <summary>Any Authorization: Bearer header authorizes introspection: the token in it is never validated.</summary>
internal sealed class AnyBearerAccepted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "introspection.accepts-any-bearer",
        "Introspection accepts any bearer token, even one this server never issued",
        "RFC 7662 §2.1 and §4; SMART App Launch 2.2 token-introspection.html#authorization-to-perform-token-introspection",
        ["INT-06"]);

    public void Apply(FaultContext context) => context.Server
        .RemoveEventHandler(AuthenticateIntrospectionBearer.Descriptor)
        .AddEventHandler(OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseInlineHandler(authentication =>
            {
                if (authentication.EndpointType == OpenIddictServerEndpointType.Introspection && IntrospectionBearer.Token(authentication.Transaction) is not null)
                    IntrospectionBearer.MarkAuthorized(authentication.Transaction);
                return default;
            })
            .SetOrder(AuthenticateIntrospectionBearer.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build());
}
