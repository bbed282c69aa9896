namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>The id_token names a kid that is not in the JWK Set at jwks_uri.</summary>
internal sealed class IdTokenUnknownKid : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "oidc.unknown-kid",
        "The id_token's kid is not published at jwks_uri",
        "OpenID Connect Core 1.0 §10.1",
        ["OIDC-01"]);

    public void Apply(FaultContext context) => IdTokenRewrite.Add(context, _ => { }, sign: options => IdTokenRewrite.ServerKeyWithKid(options, kid: "unpublished-key"));
}
