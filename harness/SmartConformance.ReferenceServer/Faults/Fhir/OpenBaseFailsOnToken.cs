namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>The open base answers 500 when a request carries an Authorization header.</summary>
internal sealed class OpenBaseFailsOnToken : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "open-fhir.token-crash",
        "The open FHIR base fails (500) on a request that carries a token",
        "FHIR R4 http.html; the profile's openFhirBase.invalidToken",
        ["OPEN-03"]);

    public void Apply(FaultContext context) => context.Fhir.OpenBaseIgnoresTokens = false;
}
