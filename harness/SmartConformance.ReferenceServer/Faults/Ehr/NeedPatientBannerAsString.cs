using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.Ehr;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>need_patient_banner is sent as the string "true"/"false" instead of a JSON boolean.</summary>
internal sealed class NeedPatientBannerAsString : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.banner-as-string",
        "need_patient_banner is a string (\"true\") instead of a boolean",
        "SMART App Launch 2.2 scopes-and-launch-context.html#launch-context-arrives-with-your-access_token",
        ["TOK-10"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(EhrTokenResponseRewrite.Handler(parameters =>
    {
        if (parameters.TryGetValue(EhrLaunchParameters.NeedPatientBanner, out var banner) && (bool?)banner is { } value)
        {
            parameters[EhrLaunchParameters.NeedPatientBanner] = value ? "true" : "false";
        }
    }));
}
