using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>A missing or unsupported response_type is quietly treated as response_type=code.</summary>
internal sealed class ResponseTypeDefaulted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.response-type-defaulted",
        "A missing or unsupported response_type is treated as code instead of being refused",
        "RFC 6749 §3.1.1 and §4.1.2.1",
        ["AUTHZ-07"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ExtractAuthorizationRequestContext>(handler => handler
        .UseInlineHandler(extract =>
        {
            if (extract.Request is { } request && request.ResponseType != ResponseTypes.Code) request.ResponseType = ResponseTypes.Code;
            return default;
        })
        .SetOrder(int.MaxValue - 100_000));
}
