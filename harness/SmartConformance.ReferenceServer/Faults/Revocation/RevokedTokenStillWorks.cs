namespace SmartConformance.ReferenceServer.Faults.Revocation;

/// <summary>The FHIR endpoints only check the access token's signature and expiry, so a revoked token works until it expires.</summary>
internal sealed class RevokedTokenStillWorks : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "revocation.revoked-token-still-works",
        "A revoked access token is still accepted by the FHIR endpoints",
        "RFC 7009 §2.1; RFC 6750 §3.1",
        ["REV-02"]);

    public void Apply(FaultContext context) => context.Validation.Configure(options => options.EnableTokenEntryValidation = false);
}
