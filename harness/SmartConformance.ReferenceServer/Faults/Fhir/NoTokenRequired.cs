namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>
/// FHIR data is served to requests without a bearer token; requests with a valid token behave as usual. A token that
/// fails validation (tampered, expired) is then treated like no token at all, so those checks fail too.
/// </summary>
internal sealed class NoTokenRequired : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.no-token-required",
        "FHIR resources are served without an access token",
        "RFC 6750 §3; SMART App Launch 2.2 app-launch.html#access-fhir-api",
        ["RS-01", "RS-02", "RS-03", "BSV-06"]);

    public void Apply(FaultContext context) => context.Fhir.RequireAccessToken = false;
}
