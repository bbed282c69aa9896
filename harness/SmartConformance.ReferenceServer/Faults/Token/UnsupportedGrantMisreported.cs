using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>An unknown grant_type is refused with invalid_request instead of unsupported_grant_type.</summary>
internal sealed class UnsupportedGrantMisreported : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.unsupported-grant-misreported",
        "An unsupported grant_type is refused with invalid_request",
        "RFC 6749 §5.2",
        ["TOK-08", "BSV-03"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Response.Error == Errors.UnsupportedGrantType) apply.Response.Error = Errors.InvalidRequest;
    });
}
