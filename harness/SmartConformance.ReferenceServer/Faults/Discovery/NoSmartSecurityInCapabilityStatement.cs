namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>The protected base's CapabilityStatement declares no security at all, as if the data were open.</summary>
internal sealed class NoSmartSecurityInCapabilityStatement : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "metadata.no-smart-security",
        "The CapabilityStatement has no SMART-on-FHIR security service",
        "FHIR R4 capabilitystatement-definitions.html#CapabilityStatement.rest.security.service",
        ["CAPS-02"]);

    public void Apply(FaultContext context) =>
        context.RewriteCapabilityStatement(statement => statement.Rest.ForEach(rest => rest.Security = null));
}
