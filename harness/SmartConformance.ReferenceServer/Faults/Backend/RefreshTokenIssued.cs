using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.Faults.Token;

namespace SmartConformance.ReferenceServer.Faults.Backend;

/// <summary>client_credentials token responses carry a refresh token (SMART Backend Services: SHOULD NOT).</summary>
internal sealed class RefreshTokenIssued : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "backend.refresh-token-issued",
        "Backend services token responses include a refresh_token",
        "SMART App Launch 2.2 backend-services.html#enforce-authorization; RFC 6749 §4.4.3",
        [], ExpectedWarnings: ["BSV-04"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Request?.IsClientCredentialsGrantType() == true && apply.Response.AccessToken is not null)
            apply.Response.RefreshToken = "backend-refresh-" + Guid.NewGuid().ToString("N");
    });
}
