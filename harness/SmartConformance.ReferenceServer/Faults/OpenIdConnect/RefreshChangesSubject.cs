using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>The id_token returned on refresh names another subject than the original one.</summary>
internal sealed class RefreshChangesSubject : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "oidc.refresh-changes-sub",
        "The refreshed id_token has another sub",
        "OpenID Connect Core 1.0 §12.2",
        ["OIDC-05"]);

    public void Apply(FaultContext context) => IdTokenRewrite.Add(context, claims => claims[Claims.Subject] = "someone-else", applies: apply => apply.Request?.IsRefreshTokenGrantType() == true);
}
