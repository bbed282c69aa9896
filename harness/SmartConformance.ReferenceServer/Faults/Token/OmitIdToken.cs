namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Token responses leave out the id_token although openid was granted.</summary>
internal sealed class OmitIdToken : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.omit-id-token",
        "No id_token although openid fhirUser were granted",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-identity-data",
        ["SCOPE-09"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply => apply.Response.IdToken = null);
}
