namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Token responses announce token_type "MAC" although the token is a bearer token.</summary>
internal sealed class WrongTokenType : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.wrong-token-type",
        "token_type is MAC instead of Bearer",
        "SMART App Launch 2.2 app-launch.html#response-5 and #response-7",
        ["REF-01", "TOK-01", "BSV-01"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Response.TokenType is not null) apply.Response.TokenType = "MAC";
    });
}
