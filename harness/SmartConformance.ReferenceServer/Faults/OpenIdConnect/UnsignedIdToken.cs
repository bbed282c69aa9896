namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>The id_token is sent unsigned (alg none), as anyone could forge it.</summary>
internal sealed class UnsignedIdToken : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "oidc.alg-none",
        "The id_token is unsigned (alg none)",
        "OpenID Connect Core 1.0 §3.1.3.7; SMART App Launch 2.2 identity data (RS256)",
        ["OIDC-01"]);

    public void Apply(FaultContext context) => IdTokenRewrite.Add(context, _ => { }, sign: _ => null);
}
