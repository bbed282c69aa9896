namespace SmartConformance.ReferenceServer.Faults.Transport;

/// <summary>The HTTPS listener also negotiates TLS 1.0 and TLS 1.1, which RFC 8996 retired.</summary>
internal sealed class LegacyVersionsAccepted : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "tls.legacy-versions-accepted",
        "The HTTPS listener negotiates TLS 1.0 and TLS 1.1 besides TLS 1.2 and 1.3",
        "SMART App Launch 2.2 backend-services.html#request-1 (TLS 1.2 or later); RFC 8996 §2, §3",
        ["AUTHZ-10"]);

    public void Apply(FaultContext context) => context.Transport.AcceptLegacyVersions = true;
}
