using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Revocation;

/// <summary>Revoking a refresh token answers 200 but leaves it usable; access tokens are still revoked.</summary>
internal sealed class RefreshTokenNotRevoked : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "revocation.refresh-token-not-revoked",
        "A revoked refresh token still refreshes",
        "RFC 7009 §2.1",
        ["REV-03"]);

    public void Apply(FaultContext context) => context.Server
        .RemoveEventHandler(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor)
        .AddEventHandler(OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<RevokeAllButRefreshTokens>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build());

    private sealed class RevokeAllButRefreshTokens(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<HandleRevocationRequestContext>
    {
        public async ValueTask HandleAsync(HandleRevocationRequestContext context)
        {
            var principal = context.GenericTokenPrincipal;
            if (principal is null || principal.GetTokenType()?.Contains("refresh_token", StringComparison.Ordinal) == true ||
                principal.GetTokenId() is not { } id || await tokens.FindByIdAsync(id) is not { } entry)
            {
                return;
            }
            await tokens.TryRevokeAsync(entry);
        }
    }
}
