using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>The token endpoint does not compare the code_verifier with the code's challenge.</summary>
internal sealed class VerifierNotChecked : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "pkce.verifier-not-checked",
        "The code_verifier is not checked against the code_challenge",
        "SMART App Launch 2.2 app-launch.html#request-4; RFC 7636 §4.6",
        ["PKCE-03"]);

    public void Apply(FaultContext context) =>
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateCodeVerifier.Descriptor);
}
