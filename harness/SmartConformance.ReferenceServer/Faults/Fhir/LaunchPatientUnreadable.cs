namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>
/// A patient-level token is refused (403) its own patient's Patient resource; the rest of the compartment stays readable.
/// REF-01 fails too: the refreshed token's read of that Patient is refused as well; so do SCOPE-02 and SCOPE-11, which read it with v1 and wildcard scopes, and OIDC-04, whose fhirUser is that Patient.
/// </summary>
internal sealed class LaunchPatientUnreadable : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.launch-patient-unreadable",
        "A patient-level token cannot read the launch patient's own Patient resource",
        "SMART App Launch 2.2 app-launch.html#access-fhir-api; scopes-and-launch-context.html#patient-specific-scopes",
        ["RS-10", "REF-01", "SCOPE-01", "SCOPE-02", "SCOPE-06", "SCOPE-11", "OIDC-04", "RS-08"]);

    public void Apply(FaultContext context) => context.Fhir.LaunchPatientReadable = false;
}
