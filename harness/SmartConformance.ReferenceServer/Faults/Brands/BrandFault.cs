using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using SmartConformance.ReferenceServer.Brands;

namespace SmartConformance.ReferenceServer.Faults.Brands;

/// <summary>Registers a rewrite of the Brand Bundle for a fault.</summary>
internal static class BrandFault
{
    public const string Spec = "SMART App Launch 2.2 brands.html";

    public static void RewriteBundle(this FaultContext context, Action<Bundle> rewrite) =>
        context.Services.AddSingleton<IBrandBundleRewrite>(new BrandBundleRewrite(rewrite));

    public static IEnumerable<T> Entries<T>(this Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();
}
