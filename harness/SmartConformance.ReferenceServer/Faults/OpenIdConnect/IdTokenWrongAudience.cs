using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>The id_token's audience is another client, not the one that asked for it.</summary>
internal sealed class IdTokenWrongAudience : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "oidc.wrong-aud",
        "The id_token's aud is not the client_id",
        "OpenID Connect Core 1.0 §2 and §3.1.3.7",
        ["OIDC-02"]);

    public void Apply(FaultContext context) => IdTokenRewrite.Add(context, claims => claims[Claims.Audience] = "some-other-client");
}
