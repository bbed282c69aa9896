using OpenIddict.Server;
using SmartConformance.ReferenceServer.Ehr;
using SmartConformance.ReferenceServer.OAuth;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Introspection;

/// <summary>Introspection responses leave out the launch context (patient, encounter, fhirContext) the token response carried.</summary>
internal sealed class IntrospectionContextMissing : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "introspection.context-missing",
        "Introspection of an active token omits its launch context (patient)",
        "SMART App Launch 2.2 token-introspection.html#conditional-fields-in-the-introspection-response",
        ["INT-01", "INT-06"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyIntrospectionResponseContext>()
            .UseInlineHandler(response =>
            {
                response.Response.RemoveParameter(SmartClaims.Patient);
                response.Response.RemoveParameter(EhrLaunchParameters.Encounter);
                response.Response.RemoveParameter(EhrLaunchParameters.FhirContext);
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Introspection.NormalizeErrorResponse.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build());
}
