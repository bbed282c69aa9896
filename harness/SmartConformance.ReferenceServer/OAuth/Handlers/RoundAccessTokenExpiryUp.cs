using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.OAuth.Handlers;

/// <summary>
/// OpenIddict stamps a token's creation date in whole seconds (truncated) and adds the lifetime to it, so a token lives
/// up to a second less than configured and <c>expires_in</c> is rounded from that: at a 1 s lifetime it came out as 0,
/// or was left out once the truncated expiry had already passed. Moving the expiry up by the truncated fraction makes
/// every access token live at least its configured lifetime, so <c>expires_in</c> is always a positive, honest number.
/// </summary>
internal sealed class RoundAccessTokenExpiryUp : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<RoundAccessTokenExpiryUp>()
            .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.AccessTokenPrincipal is { } principal &&
            principal.GetCreationDate() is { } created &&
            principal.GetExpirationDate() is { } expires)
        {
            var truncated = DateTimeOffset.UtcNow - created;
            if (truncated > TimeSpan.Zero)
            {
                principal.SetExpirationDate(expires + TimeSpan.FromSeconds(Math.Ceiling(truncated.TotalSeconds)));
            }
        }
        return default;
    }
}
