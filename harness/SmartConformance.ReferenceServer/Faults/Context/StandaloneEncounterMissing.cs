namespace SmartConformance.ReferenceServer.Faults.Context;

/// <summary>Discovery advertises context-standalone-encounter, but a standalone launch granted launch/encounter gets no encounter.</summary>
internal sealed class StandaloneEncounterMissing : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "context.standalone-encounter-missing",
        "A standalone launch granted launch/encounter gets no encounter although context-standalone-encounter is advertised",
        "SMART App Launch 2.2 conformance.html#capabilities (context-standalone-encounter)",
        ["SCOPE-05"]);

    public void Apply(FaultContext context) => context.OAuth.StandaloneEncounterContext = false;
}
