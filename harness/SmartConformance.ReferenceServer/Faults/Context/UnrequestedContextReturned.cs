namespace SmartConformance.ReferenceServer.Faults.Context;

/// <summary>Standalone launches get patient and encounter whatever launch context scopes they asked for.</summary>
internal sealed class UnrequestedContextReturned : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "context.unrequested-context-returned",
        "Token responses carry an encounter although launch/encounter was not requested",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-context-data",
        ["SCOPE-05"]);

    public void Apply(FaultContext context) => context.OAuth.ContextOnlyWhenRequested = false;
}
