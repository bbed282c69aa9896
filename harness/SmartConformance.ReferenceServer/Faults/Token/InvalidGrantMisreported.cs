using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Every invalid_grant refusal is reported as invalid_request: still refused, but with the wrong error code.</summary>
internal sealed class InvalidGrantMisreported : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.invalid-grant-misreported",
        "Bad, used or misbound codes and refresh tokens are refused with invalid_request instead of invalid_grant",
        "RFC 6749 §5.2",
        ["PKCE-03", "REF-04", "REF-07", "TOK-03", "TOK-05", "TOK-06"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Response.Error == Errors.InvalidGrant) apply.Response.Error = Errors.InvalidRequest;
    });
}
