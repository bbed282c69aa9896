namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>Only Patient is protected: Observation, Condition and Encounter are served without a token.</summary>
internal sealed class OnlyPatientProtected : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.only-patient-protected",
        "Resources other than Patient are served without an access token",
        "RFC 6750 §3; SMART App Launch 2.2 app-launch.html#access-fhir-api",
        ["RS-01"]);

    public void Apply(FaultContext context) => context.Fhir.TypesServedWithoutToken.UnionWith(["Observation", "Condition", "Encounter"]);
}
