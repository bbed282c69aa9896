using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>The token endpoint redeems a code whatever redirect_uri the token request names.</summary>
internal sealed class CodeNotBoundToRedirectUri : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "code.not-bound-to-redirect-uri",
        "An authorization code is redeemed with a redirect_uri other than the authorization request's",
        "RFC 6749 §4.1.3",
        ["TOK-04"]);

    public void Apply(FaultContext context) =>
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateRedirectUri.Descriptor);
}
