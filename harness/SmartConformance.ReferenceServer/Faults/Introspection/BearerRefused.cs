using SmartConformance.ReferenceServer.Introspection;

namespace SmartConformance.ReferenceServer.Faults.Introspection;

/// <summary>The introspection endpoint accepts client authentication only: an appropriately-scoped bearer token is refused with 401.</summary>
internal sealed class BearerRefused : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "introspection.refuses-bearer",
        "Introspection refuses a caller authorized by an appropriately-scoped SMART bearer token",
        "SMART App Launch 2.2 token-introspection.html#authorization-to-perform-token-introspection",
        ["INT-06"]);

    public void Apply(FaultContext context) => context.Server.RemoveEventHandler(AuthenticateIntrospectionBearer.Descriptor);
}
