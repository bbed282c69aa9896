using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>The Brand Bundle's only Endpoint names another server, so no brand leads to this FHIR endpoint.</summary>
internal sealed class EndpointMissing : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "brands.endpoint-missing", "No brand in the Brand Bundle references this FHIR server's endpoint", BrandFault.Spec + "#conformance-overview", ["BRAND-02"]);

    public void Apply(FaultContext context) => context.RewriteBundle(bundle =>
    {
        foreach (var endpoint in bundle.Entries<Endpoint>())
            endpoint.Address = "https://other-vendor.smart-conformance.example/fhir/r4";
    });
}
