namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>A wildcard scope (patient/*.rs) only covers Patient and Observation: Condition and Encounter are refused.</summary>
internal sealed class WildcardScopePartial : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.wildcard-scope-partial",
        "A wildcard resource scope covers only some resource types",
        "SMART App Launch 2.2 scopes-and-launch-context.html#wildcard-scopes",
        ["SCOPE-11"]);

    public void Apply(FaultContext context) => context.Fhir.WildcardCoversEveryType = false;
}
