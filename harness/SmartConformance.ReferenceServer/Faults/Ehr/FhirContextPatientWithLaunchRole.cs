namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>The launch patient appears in fhirContext with role "launch", where only the top-level patient parameter belongs.</summary>
internal sealed class FhirContextPatientWithLaunchRole : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.fhircontext-patient-with-launch-role",
        "fhirContext lists the launch Patient with role \"launch\"",
        "SMART App Launch 2.2 scopes-and-launch-context.html#fhircontext-exp",
        ["TOK-10"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(FhirContextItemRewrite.Handler(item =>
    {
        if (FhirContextItemRewrite.Text(item, "type") == "Patient") item["role"] = "launch";
    }));
}
