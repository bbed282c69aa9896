using OpenIddict.Validation;

namespace SmartConformance.ReferenceServer.Faults.Expiry;

/// <summary>The FHIR endpoints ignore the access token's expiry.</summary>
internal sealed class AcceptExpiredTokens : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.accepts-expired-tokens",
        "The resource server accepts access tokens past their expiry",
        "SMART App Launch 2.2 app-launch.html#response-5 and #response-6",
        ["RS-03", "BSV-06"]);

    public void Apply(FaultContext context) =>
        context.Validation.RemoveEventHandler(OpenIddictValidationHandlers.Protection.ValidateExpirationDate.Descriptor);
}
