using SmartConformance.ReferenceServer.OAuth.Handlers;

namespace SmartConformance.ReferenceServer.Faults.Refresh;

/// <summary>A refresh asking for scopes beyond the original grant is answered with tokens instead of invalid_scope.</summary>
internal sealed class BroaderScopeAccepted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "refresh.broader-scope-accepted",
        "A refresh asking for more than the original grant is not refused",
        "RFC 6749 §6",
        ["REF-03"]);

    public void Apply(FaultContext context) => context.Server.RemoveEventHandler(RefuseScopesBeyondTheGrant.Descriptor);
}
