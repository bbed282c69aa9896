namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>The id_token leaves out fhirUser although fhirUser was granted.</summary>
internal sealed class FhirUserMissing : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "oidc.fhiruser-missing",
        "The id_token has no fhirUser claim",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-identity-data",
        ["OIDC-04"]);

    public void Apply(FaultContext context) => IdTokenRewrite.Add(context, claims => claims.Remove("fhirUser"));
}
