namespace SmartConformance.ReferenceServer.Faults.Backend;

/// <summary>A system-level (backend) token reaches every resource type, whatever its scopes name.</summary>
internal sealed class SystemScopeNotEnforced : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "backend.system-scope-not-enforced",
        "System-scope tokens read resource types outside their scopes",
        "SMART App Launch 2.2 backend-services.html#response-2 (the token's scope must cover the requested resource)",
        ["BSV-05"]);

    public void Apply(FaultContext context) => context.Fhir.EnforceSystemScopeResourceTypes = false;
}
