using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Brands;

/// <summary>A fault's change to the Brand Bundle, applied after the conformant Bundle is built.</summary>
internal interface IBrandBundleRewrite
{
    void Apply(Bundle bundle);
}

/// <summary>Registers a Brand Bundle rewrite from a fault.</summary>
internal sealed class BrandBundleRewrite(Action<Bundle> rewrite) : IBrandBundleRewrite
{
    public void Apply(Bundle bundle) => rewrite(bundle);
}
