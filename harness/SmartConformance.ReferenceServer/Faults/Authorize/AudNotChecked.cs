using SmartConformance.ReferenceServer.OAuth.Handlers;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>The authorization endpoint issues codes whatever the aud parameter says, or without one.</summary>
internal sealed class AudNotChecked : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.aud-not-checked",
        "The aud parameter is not checked: a request for another FHIR server, or with no aud, gets a code",
        "SMART App Launch 2.2 app-launch.html#request-4 (aud)",
        ["AUTHZ-06"]);

    public void Apply(FaultContext context) => context.Server.RemoveEventHandler(ValidateSmartAudienceParameter.Descriptor);
}
