namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>The base documented as open answers 401 to every data request.</summary>
internal sealed class OpenBaseRequiresToken : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "open-fhir.token-required",
        "The open FHIR base refuses reads without (and with) a token",
        "FHIR R4 http.html; the profile's openFhirBaseUrl",
        ["OPEN-01", "OPEN-03"]);

    public void Apply(FaultContext context) => context.Fhir.OpenBaseServesWithoutToken = false;
}
