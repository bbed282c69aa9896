using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using SmartConformance.ReferenceServer.Hosting;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Wraps search matches in a searchset Bundle.</summary>
internal sealed class SearchBundleFactory(ServerUrls urls)
{
    public Bundle Create(HttpRequest request, IReadOnlyCollection<Resource> matches) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow },
        Type = Bundle.BundleType.Searchset,
        Total = matches.Count,
        Link = [new Bundle.LinkComponent { Relation = "self", Url = urls.Absolute(request.Path.Value!.TrimStart('/')) + request.QueryString }],
        Entry = matches.Select(resource => new Bundle.EntryComponent
        {
            FullUrl = urls.FhirAbsolute($"{resource.TypeName}/{resource.Id}"),
            Resource = resource,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        }).ToList(),
    };
}
