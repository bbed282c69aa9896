namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>A patient-level token reads any patient's data: the patient compartment is not enforced.</summary>
internal sealed class CrossPatientReadAllowed : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.cross-patient-read",
        "A patient-scoped token reads other patients' resources",
        "SMART App Launch 2.2 scopes-and-launch-context.html#patient-specific-scopes",
        ["RS-04", "RS-08"]);

    public void Apply(FaultContext context) => context.Fhir.EnforcePatientCompartment = false;
}
