namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>FHIR errors (403, 404, 400) carry a home-made JSON object instead of an OperationOutcome.</summary>
internal sealed class ErrorsNotOperationOutcome : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.errors-not-operation-outcome",
        "FHIR error responses are JSON but not OperationOutcome",
        "FHIR R4 http.html (errors return an OperationOutcome)",
        ["ERR-04"]);

    public void Apply(FaultContext context) => context.Fhir.OperationOutcomeErrors = false;
}
