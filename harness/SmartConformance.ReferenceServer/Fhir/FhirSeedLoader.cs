using System.Reflection;
using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Reads the seed resources embedded under <c>fhir-seed/</c> (Data/*.json); a Bundle contributes its entries.</summary>
internal static class FhirSeedLoader
{
    private const string Prefix = "fhir-seed/";

    public static FhirStore Load()
    {
        var assembly = typeof(FhirSeedLoader).Assembly;
        var resources = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(name => Unpack(FhirJson.Deserialize(ReadText(assembly, name))));
        return new FhirStore(resources);
    }

    private static IEnumerable<Resource> Unpack(Resource resource) =>
        resource is Bundle bundle ? bundle.Entry.Select(e => e.Resource).OfType<Resource>() : [resource];

    private static string ReadText(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
