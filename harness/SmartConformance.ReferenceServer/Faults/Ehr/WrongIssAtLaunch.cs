using SmartConformance.ReferenceServer.Ehr;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>The EHR sends the authorization server's root URL as iss instead of the FHIR base URL.</summary>
internal sealed class WrongIssAtLaunch : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.wrong-iss",
        "The EHR launch's iss is the OAuth server's root, not the FHIR base URL",
        "SMART App Launch 2.2 app-launch.html#launch-app-ehr-launch",
        ["EHR-01"]);

    public void Apply(FaultContext context) => EhrLaunchPolicy.In(context.Services).SendServerRootAsIss = true;
}
