using SmartConformance.ReferenceServer.Ehr;
using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>
/// EHR launch token responses leave out patient and encounter (the access token still carries them). SCOPE-06 catches it
/// too: the launch was granted patient/*.rs, and a granted patient-level scope needs a patient in context.
/// </summary>
internal sealed class LaunchContextMissing : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.context-missing",
        "EHR launch token responses carry no patient or encounter",
        "SMART App Launch 2.2 scopes-and-launch-context.html#apps-that-launch-from-the-ehr",
        ["EHR-02", "SCOPE-06"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(EhrTokenResponseRewrite.Handler(parameters =>
    {
        parameters.Remove(SmartClaims.Patient);
        parameters.Remove(EhrLaunchParameters.Encounter);
    }));
}
