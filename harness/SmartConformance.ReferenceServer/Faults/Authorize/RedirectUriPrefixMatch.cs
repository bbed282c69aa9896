using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>
/// redirect_uri is accepted when it starts with a registered one (an added path segment or query passes), instead of
/// OpenIddict's exact comparison.
/// </summary>
internal sealed class RedirectUriPrefixMatch : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.redirect-uri-prefix-match",
        "redirect_uri is matched by prefix: a registered URI with an added path or query is redirected to",
        "RFC 6749 §3.1.2.4; RFC 9700 §4.1.3; SMART App Launch 2.2 app-launch.html (registered redirect URLs)",
        ["AUTHZ-04"]);

    public void Apply(FaultContext context)
    {
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor);
        context.Server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler
            .UseInlineHandler(async validate =>
            {
                var applications = validate.Transaction.GetHttpRequest()!.HttpContext.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();
                var application = await applications.FindByClientIdAsync(validate.ClientId!);
                var registered = application is null ? [] : await applications.GetRedirectUrisAsync(application);
                if (string.IsNullOrEmpty(validate.RedirectUri) || !registered.Any(uri => validate.RedirectUri.StartsWith(uri, StringComparison.Ordinal)))
                    validate.Reject(Errors.InvalidRequest, "The specified 'redirect_uri' is not valid for this client application.");
            })
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order));
    }
}
