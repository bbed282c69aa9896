using OpenIddict.Abstractions;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.Ehr;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>EHR launches (the <c>launch</c> scope) are granted no patient/ scopes, although the user approved them.</summary>
internal sealed class PatientScopesDropped : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.patient-scopes-dropped",
        "EHR launches silently lose the patient/ scopes they asked for",
        "SMART App Launch 2.2 scopes-and-launch-context.html#apps-that-launch-from-the-ehr; conformance.html#capabilities (permission-patient)",
        ["SCOPE-06"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ProcessSignInContext>(handler => handler
        .UseInlineHandler(sign =>
        {
            if (sign.EndpointType is OpenIddictServerEndpointType.Authorization && sign.Principal is { } principal &&
                principal.HasScope(EhrLaunchParameters.Launch))
            {
                principal.SetScopes(principal.GetScopes().Where(scope => !scope.StartsWith("patient/", StringComparison.Ordinal)));
            }
            return default;
        })
        .SetOrder(int.MinValue + 1_000));
}
