using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>invalid_client answers carry no WWW-Authenticate header, although the client authenticated with HTTP Basic.</summary>
internal sealed class InvalidClientWithoutChallenge : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.invalid-client-without-challenge",
        "A failed HTTP Basic client authentication gets no WWW-Authenticate header",
        "RFC 6749 §5.2",
        ["TOK-07"]);

    public void Apply(FaultContext context) =>
        context.Server.RemoveEventHandler(OpenIddictServerAspNetCoreHandlers.AttachWwwAuthenticateHeader<ApplyTokenResponseContext>.Descriptor);
}
