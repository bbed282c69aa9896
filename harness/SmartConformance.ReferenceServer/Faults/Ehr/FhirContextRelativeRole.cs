namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>fhirContext roles the server defines itself are written as bare words ("related"), not absolute URIs.</summary>
internal sealed class FhirContextRelativeRole : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.fhircontext-relative-role",
        "fhirContext roles not defined by SMART are relative words instead of absolute URIs",
        "SMART App Launch 2.2 scopes-and-launch-context.html#fhircontext-exp",
        ["TOK-10"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(FhirContextItemRewrite.Handler(item =>
    {
        if (FhirContextItemRewrite.Text(item, "role") is { } role && Uri.TryCreate(role, UriKind.Absolute, out var uri))
            item["role"] = uri.Segments[^1];
    }));
}
