namespace SmartConformance.ReferenceServer.Faults.Capabilities;

/// <summary>
/// The protected base's /metadata answers 401 without a bearer token, like the data endpoints. DISC-09 fails too: a browser
/// app on another origin cannot read it.
/// </summary>
internal sealed class MetadataRequiresToken : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "metadata.requires-token",
        "GET [base]/metadata answers 401 without a token",
        "FHIR R4 http.html#capabilities; SMART App Launch 2.2 conformance.html",
        ["CAPS-01", "DISC-09"]);

    public void Apply(FaultContext context) => context.Fhir.MetadataServedWithoutToken = false;
}
