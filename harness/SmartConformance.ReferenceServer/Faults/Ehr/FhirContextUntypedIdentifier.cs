namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>fhirContext items given by identifier or canonical carry no type (a SHOULD).</summary>
internal sealed class FhirContextUntypedIdentifier : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.fhircontext-untyped-identifier",
        "fhirContext items with identifier or canonical have no type",
        "SMART App Launch 2.2 scopes-and-launch-context.html#fhircontext-exp",
        [],
        ExpectedWarnings: ["TOK-10"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(FhirContextItemRewrite.Handler(item =>
    {
        if (item.ContainsKey("identifier") || item.ContainsKey("canonical")) item.Remove("type");
    }));
}
