namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>The id_token is signed with the published key but its header names no kid.</summary>
internal sealed class IdTokenWithoutKid : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "oidc.no-kid",
        "The id_token header has no kid",
        "OpenID Connect Core 1.0 §10.1",
        ["OIDC-01"]);

    public void Apply(FaultContext context) => IdTokenRewrite.Add(context, _ => { }, sign: options => IdTokenRewrite.ServerKeyWithKid(options, kid: null));
}
