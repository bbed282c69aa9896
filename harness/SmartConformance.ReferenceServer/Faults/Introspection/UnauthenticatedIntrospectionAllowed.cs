using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Introspection;

/// <summary>An introspection request without credentials is treated as coming from the trusted confidential client.</summary>
internal sealed class UnauthenticatedIntrospectionAllowed : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "introspection.unauthenticated-allowed",
        "Anyone can introspect tokens without authenticating",
        "RFC 7662 §2.1 and §4; SMART App Launch 2.2 token-introspection.html#authorization-to-perform-token-introspection",
        ["INT-03"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractIntrospectionRequestContext>()
            .UseInlineHandler(extract =>
            {
                if (extract.Request is { } request && string.IsNullOrEmpty(request.ClientId))
                {
                    request.ClientId = SeedData.ConfidentialClientId;
                    request.ClientSecret = SeedData.ConfidentialClientSecret;
                }
                return default;
            })
            // After the host read the form and any Basic credentials.
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build());
}
