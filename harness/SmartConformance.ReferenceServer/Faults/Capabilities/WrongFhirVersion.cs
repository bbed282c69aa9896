using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Faults.Capabilities;

/// <summary>The CapabilityStatement declares FHIR STU3 (3.0.2) although the server speaks R4.</summary>
internal sealed class WrongFhirVersion : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "metadata.wrong-fhir-version",
        "The CapabilityStatement declares fhirVersion 3.0.2, not 4.0.x",
        "FHIR R4 capabilitystatement-definitions.html#CapabilityStatement.fhirVersion",
        ["CAPS-01"]);

    public void Apply(FaultContext context) => context.RewriteCapabilityStatement(statement => statement.FhirVersion = FHIRVersion.N3_0_2);
}
