using SmartConformance.ReferenceServer.Ehr;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>Any launch value, or none, is accepted with the launch scope, and resolves to the clinician's "last opened" patient.</summary>
internal sealed class ForgedLaunchAccepted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.forged-launch-accepted",
        "Forged or missing launch values are accepted and get a default patient context",
        "SMART App Launch 2.2 app-launch.html#launch-app-ehr-launch; scopes-and-launch-context.html#apps-that-launch-from-the-ehr",
        ["EHR-03"]);

    public void Apply(FaultContext context) => EhrLaunchPolicy.In(context.Services).AcceptUnknownLaunch = true;
}
