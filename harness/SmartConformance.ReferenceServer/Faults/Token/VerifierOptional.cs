using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>A code_verifier is checked when sent, but a code issued with a challenge also redeems without one.</summary>
internal sealed class VerifierOptional : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "pkce.verifier-optional",
        "A code issued with a PKCE challenge redeems without a code_verifier",
        "SMART App Launch 2.2 app-launch.html#request-4; RFC 7636 §4.5 and §4.6",
        ["PKCE-02"]);

    public void Apply(FaultContext context)
    {
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateCodeVerifier.Descriptor);
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateProofKeyForCodeExchangeRequirement.Descriptor);
        // With PKCE required server-wide, this one refuses a token request without code_verifier before the code is read.
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateProofKeyForCodeExchangeParameters.Descriptor);
        context.Server.AddEventHandler<ValidateTokenRequestContext>(handler => handler
            .UseInlineHandler(validate =>
            {
                var challenge = validate.AuthorizationCodePrincipal?.GetClaim(Claims.Private.CodeChallenge);
                if (!validate.Request.IsAuthorizationCodeGrantType() || string.IsNullOrEmpty(challenge) || string.IsNullOrEmpty(validate.Request.CodeVerifier))
                    return default;
                var computed = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(validate.Request.CodeVerifier)));
                if (computed != challenge) validate.Reject(Errors.InvalidGrant, "The specified 'code_verifier' is invalid.");
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateCodeVerifier.Descriptor.Order));
    }
}
