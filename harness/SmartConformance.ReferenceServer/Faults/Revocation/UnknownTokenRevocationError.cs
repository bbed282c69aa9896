using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Revocation;

/// <summary>Revoking a token the server does not know answers 400 invalid_request instead of 200.</summary>
internal sealed class UnknownTokenRevocationError : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "revocation.unknown-token-error",
        "The revocation endpoint answers 400 for an unknown token",
        "RFC 7009 §2.2",
        ["REV-01"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyRevocationResponseContext>()
            .UseInlineHandler(response =>
            {
                if (response.Response.Error == Errors.InvalidToken)
                {
                    response.Response.Error = Errors.InvalidRequest;
                    response.Response.ErrorDescription = "The token is unknown.";
                }
                return default;
            })
            // Before OpenIddict turns invalid_token into the empty 200 response RFC 7009 asks for.
            .SetOrder(OpenIddictServerHandlers.Revocation.NormalizeErrorResponse.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build());
}
