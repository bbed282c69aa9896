using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>A request from an unknown client_id is answered with an error redirect to whatever redirect_uri it names.</summary>
internal sealed class UnknownClientRedirects : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.unknown-client-redirects",
        "An unknown client_id gets an error redirect to the unverified redirect_uri",
        "RFC 6749 §4.1.2.1 (a bad client_id is never redirected to)",
        ["AUTHZ-05"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ApplyAuthorizationResponseContext>(handler => handler
        .UseInlineHandler(async apply =>
        {
            if (apply.RedirectUri is not null || apply.Request is not { ClientId: { } clientId, RedirectUri: { } redirectUri }) return;
            var applications = apply.Transaction.GetHttpRequest()!.HttpContext.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();
            if (await applications.FindByClientIdAsync(clientId) is null) apply.RedirectUri = redirectUri;
        })
        // After OpenIddict decided not to redirect, before it picks the response mode and attaches the state.
        .SetOrder(OpenIddictServerHandlers.Authentication.AttachRedirectUri.Descriptor.Order + 500));
}
