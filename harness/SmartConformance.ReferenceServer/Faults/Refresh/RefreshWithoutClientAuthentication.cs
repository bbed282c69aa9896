using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Refresh;

/// <summary>The confidential client may refresh without its secret: the server fills in the missing credentials itself.</summary>
internal sealed class RefreshWithoutClientAuthentication : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "refresh.no-client-authentication",
        "A confidential client refreshes without authenticating",
        "SMART App Launch 2.2 app-launch.html#refresh-access-token; RFC 6749 §6",
        ["REF-05"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ExtractTokenRequestContext>(handler => handler
        .UseInlineHandler(extract =>
        {
            if (extract.Request is { } request && request.IsRefreshTokenGrantType() &&
                request.ClientId == SeedData.ConfidentialClientId && string.IsNullOrEmpty(request.ClientSecret) &&
                extract.Transaction.GetHttpRequest()?.Headers.Authorization.Count == 0)
            {
                request.ClientSecret = SeedData.ConfidentialClientSecret;
            }
            return default;
        })
        .SetOrder(int.MaxValue - 10_000));
}
