namespace SmartConformance.ReferenceServer.Faults.Transport;

/// <summary>The server ignores the HTTPS it was asked for and serves every endpoint over plain HTTP.</summary>
internal sealed class PlainHttp : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "tls.plain-http",
        "Every endpoint (FHIR, authorize, token, discovery) is served over plain HTTP, without TLS",
        "SMART App Launch 2.2 app-launch.html#app-protection; backend-services.html#request-1 (TLS 1.2 or later)",
        ["AUTHZ-10"]);

    public void Apply(FaultContext context) => context.Transport.ForcePlainHttp = true;
}
