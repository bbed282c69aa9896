namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>The second FHIR base (/fhir-b) accepts access tokens issued for the first (/fhir) as well as its own.</summary>
internal sealed class SecondBaseAcceptsForeignTokens : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.second-base-accepts-foreign-tokens",
        "The second FHIR base of the deployment accepts access tokens whose aud is the first base",
        "SMART App Launch 2.2 app-launch.html#response-6",
        ["RS-09"]);

    public void Apply(FaultContext context) => context.Fhir.SecondBaseChecksAudience = false;
}
