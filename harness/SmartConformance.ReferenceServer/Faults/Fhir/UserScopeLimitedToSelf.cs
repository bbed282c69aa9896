namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>User-level scopes are treated like patient-level ones: a clinician's user/*.rs token reads no patient.</summary>
internal sealed class UserScopeLimitedToSelf : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.user-scope-limited-to-self",
        "User-level scopes reach only data about the user, not the patients the user can see",
        "SMART App Launch 2.2 scopes-and-launch-context.html#user-level-scopes",
        ["SCOPE-10"]);

    public void Apply(FaultContext context) => context.Fhir.UserScopesReachOtherPatients = false;
}
