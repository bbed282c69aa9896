using SmartConformance.ReferenceServer.Ehr;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>The launch value is checked and redeemed, but the token's context is the clinician's "last opened" patient, not the launched one.</summary>
internal sealed class LaunchContextIgnored : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.launch-context-ignored",
        "The EHR launch's context is ignored: the token names a default patient and encounter instead of the launched ones",
        "SMART App Launch 2.2 scopes-and-launch-context.html#launch-context-arrives-with-your-access_token",
        ["EHR-02"]);

    public void Apply(FaultContext context) => EhrLaunchPolicy.In(context.Services).IgnoreLaunchContext = true;
}
