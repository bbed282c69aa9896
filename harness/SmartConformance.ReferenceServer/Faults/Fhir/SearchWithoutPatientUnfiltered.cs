namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>Direct reads respect the patient compartment, but a search without ?patient= returns every patient's resources.</summary>
internal sealed class SearchWithoutPatientUnfiltered : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.search-not-filtered-to-patient",
        "A search without a patient parameter returns other patients' resources",
        "SMART App Launch 2.2 scopes-and-launch-context.html#patient-specific-scopes",
        ["RS-04"]);

    public void Apply(FaultContext context) => context.Fhir.FilterSearchesWithoutPatient = false;
}
