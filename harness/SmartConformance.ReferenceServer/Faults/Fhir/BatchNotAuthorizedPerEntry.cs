namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>A batch is authorized as a whole: once its token is valid, every entry is served, other patients' records included.</summary>
internal sealed class BatchNotAuthorizedPerEntry : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.batch-not-authorized-per-entry",
        "Entries of a batch are not authorized on their own: a valid token reaches every entry",
        "SMART App Launch 2.2 scopes-and-launch-context.html#batches-and-transactions",
        ["RS-08"]);

    public void Apply(FaultContext context) => context.Fhir.AuthorizeBatchEntries = false;
}
