namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>The open base's CapabilityStatement declares SMART-on-FHIR security it does not apply.</summary>
internal sealed class OpenBaseDeclaresSmartSecurity : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "open-fhir.declares-smart",
        "The open FHIR base's CapabilityStatement advertises SMART-on-FHIR security",
        "FHIR R4 capabilitystatement-definitions.html#CapabilityStatement.rest.security",
        ["OPEN-02"]);

    public void Apply(FaultContext context) => context.Fhir.OpenBaseDeclaresNoSmartSecurity = false;
}
