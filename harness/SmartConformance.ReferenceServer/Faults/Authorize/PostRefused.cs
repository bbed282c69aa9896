using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.OAuth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>Discovery advertises authorize-post, but an authorization request sent by form POST is refused.</summary>
internal sealed class PostRefused : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.post-refused",
        "authorize-post is advertised but a form POST to the authorization endpoint is refused",
        "SMART App Launch 2.2 app-launch.html#request-4; conformance.html#capabilities (authorize-post)",
        ["AUTHZ-02"]);

    // The server's own consent and patient-picker forms post back to /authorize; only the app's own POST is refused.
    public void Apply(FaultContext context) => context.Server.AddEventHandler<ExtractAuthorizationRequestContext>(handler => handler
        .UseInlineHandler(extract =>
        {
            var fromApp = extract.Request?[AuthorizeParameters.ConsentField] is null && extract.Request?[AuthorizeParameters.PatientField] is null;
            if (HttpMethods.IsPost(extract.Transaction.GetHttpRequest()?.Method ?? "") && fromApp)
                extract.Reject(Errors.InvalidRequest, "Authorization requests must be sent with GET.");
            return default;
        })
        .SetOrder(int.MaxValue - 100_000));
}
