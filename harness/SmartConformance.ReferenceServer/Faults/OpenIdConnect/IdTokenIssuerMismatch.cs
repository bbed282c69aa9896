using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>The id_token's iss differs from the issuer the discovery documents name (introspection, which echoes the real issuer, then disagrees with it too).</summary>
internal sealed class IdTokenIssuerMismatch : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "oidc.iss-mismatch",
        "The id_token's iss is not the discovery issuer",
        "OpenID Connect Core 1.0 §3.1.3.7",
        ["OIDC-02", "INT-01"]);

    public void Apply(FaultContext context) => IdTokenRewrite.Add(context, claims => claims[Claims.Issuer] = claims[Claims.Issuer]!.GetValue<string>().TrimEnd('/') + "/oidc");
}
