using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>The token endpoint redeems a code for any client, not only the one it was issued to.</summary>
internal sealed class CodeNotBoundToClient : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "code.not-bound-to-client",
        "An authorization code is redeemed for a client it was not issued to",
        "RFC 6749 §4.1.3",
        ["TOK-04"]);

    public void Apply(FaultContext context) =>
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateAuthorizedParty.Descriptor);
}
