using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using SmartConformance.ReferenceServer.Hosting;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Wraps search matches (and included resources) in a searchset Bundle.</summary>
internal sealed class SearchBundleFactory(ServerUrls urls)
{
    public Bundle Create(HttpRequest request, string fhirBase, IReadOnlyCollection<Resource> matches, IReadOnlyCollection<Resource> included) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow },
        Type = Bundle.BundleType.Searchset,
        Total = matches.Count,
        Link = [new Bundle.LinkComponent { Relation = "self", Url = urls.Absolute(request.Path.Value!.TrimStart('/')) + request.QueryString }],
        Entry =
        [
            .. matches.Select(resource => Entry(fhirBase, resource, Bundle.SearchEntryMode.Match)),
            .. included.Select(resource => Entry(fhirBase, resource, Bundle.SearchEntryMode.Include)),
        ],
    };

    private static Bundle.EntryComponent Entry(string fhirBase, Resource resource, Bundle.SearchEntryMode mode) => new()
    {
        FullUrl = $"{fhirBase}/{resource.TypeName}/{resource.Id}",
        Resource = resource,
        Search = new Bundle.SearchComponent { Mode = mode },
    };
}
