using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>The FHIR endpoints accept access tokens without checking their signature.</summary>
internal sealed class SignatureNotVerified : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.signature-not-verified",
        "The resource server accepts access tokens whose signature does not verify",
        "RFC 6750 §3.1; SMART App Launch 2.2 app-launch.html#response-6",
        ["RS-02"]);

    public void Apply(FaultContext context) => context.Validation.AddEventHandler<ValidateTokenContext>(handler => handler
        .UseInlineHandler(validate =>
        {
            var parameters = validate.TokenValidationParameters.Clone();
            parameters.SignatureValidator = (token, _) => new JsonWebToken(token);
            parameters.ValidateIssuerSigningKey = false;
            validate.TokenValidationParameters = parameters;
            return default;
        })
        .SetOrder(OpenIddictValidationHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1));
}
