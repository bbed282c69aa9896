namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Token responses (code exchange and refresh) leave out expires_in.</summary>
internal sealed class OmitExpiresIn : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.omit-expires-in",
        "Token responses have no expires_in",
        "SMART App Launch 2.2 app-launch.html#response-5 and #response-7",
        ["EXP-01", "REF-01", "TOK-01", "BSV-01"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply => apply.Response.ExpiresIn = null);
}
