namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>A read scope is enough to create and update resources.</summary>
internal sealed class WriteWithReadScope : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.write-with-read-scope",
        "Creates and updates succeed with read-only scopes",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-fhir-resources",
        ["RS-06"]);

    public void Apply(FaultContext context) => context.Fhir.EnforceWriteScopes = false;
}
