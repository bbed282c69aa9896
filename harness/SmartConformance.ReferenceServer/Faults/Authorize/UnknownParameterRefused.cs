using OpenIddict.Server;
using SmartConformance.ReferenceServer.OAuth;
using SmartConformance.ReferenceServer.OAuth.Handlers;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>An authorization request with a parameter the server does not know is refused instead of the parameter being ignored.</summary>
internal sealed class UnknownParameterRefused : IFault
{
    // The OAuth, OpenID Connect and SMART parameters, and the server's own consent and patient-picker fields.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        Parameters.ResponseType, Parameters.ClientId, Parameters.RedirectUri, Parameters.Scope, Parameters.State, Parameters.Nonce,
        Parameters.CodeChallenge, Parameters.CodeChallengeMethod, Parameters.Prompt, Parameters.MaxAge, Parameters.LoginHint,
        Parameters.UiLocales, Parameters.ResponseMode, Parameters.Display, Parameters.IdTokenHint, Parameters.AcrValues,
        SmartClaims.AudienceParameter, "launch",
        AuthorizeParameters.ConsentField, AuthorizeParameters.PatientField, AuthorizeParameters.DeclinedScopeField,
    };

    public FaultDescriptor Descriptor { get; } = new(
        "authorize.unknown-parameter-refused",
        "An authorization request with an unknown extra parameter is refused with invalid_request instead of the parameter being ignored",
        "RFC 6749 §3.1",
        ["AUTHZ-08"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler
        .UseInlineHandler(handle =>
        {
            var unknown = handle.Request.GetParameters().Select(p => p.Key).FirstOrDefault(name => !Known.Contains(name));
            if (unknown is not null) handle.Reject(Errors.InvalidRequest, $"The '{unknown}' parameter is not supported.");
            return default;
        })
        .SetOrder(ValidateSmartAudienceParameter.Descriptor.Order + 1));
}
