namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Token responses leave out the launch patient although launch/patient was granted.</summary>
internal sealed class OmitPatient : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.omit-patient",
        "The token response has no patient although launch/patient was granted",
        "SMART App Launch 2.2 scopes-and-launch-context.html#launch-context-arrives-with-your-access_token",
        ["TOK-01", "EHR-02", "SCOPE-05", "SCOPE-06"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply => apply.Response["patient"] = null);
}
