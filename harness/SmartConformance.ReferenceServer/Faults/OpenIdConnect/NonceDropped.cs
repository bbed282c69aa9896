using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>The id_token leaves out the nonce the authorization request sent.</summary>
internal sealed class NonceDropped : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "oidc.nonce-dropped",
        "The nonce is not echoed in the id_token",
        "OpenID Connect Core 1.0 §3.1.2.1 and §3.1.3.7",
        ["OIDC-03"]);

    public void Apply(FaultContext context) => IdTokenRewrite.Add(context, claims => claims.Remove(Claims.Nonce));
}
