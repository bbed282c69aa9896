using Hl7.Fhir.Model;
using SmartConformance.ReferenceServer.Hosting;

namespace SmartConformance.ReferenceServer.Brands;

/// <summary>
/// The User Access Brand Bundle (SMART App Launch 2.2 brands.html): the primary brand, whose Endpoint is this FHIR
/// server, and an affiliate brand that reaches its records through the primary one. Built once per server, so the
/// Bundle's timestamp (its last change) and the ETag stay stable; faults registered as <see cref="IBrandBundleRewrite"/>
/// change it afterwards.
/// </summary>
internal sealed class BrandBundleFactory(ServerUrls urls, IEnumerable<IBrandBundleRewrite> rewrites)
{
    public const string Path = "/brands/user-access-brands.json";
    public const string IdentifierSystem = "urn:ietf:rfc:3986";
    public const string PrimaryIdentifier = "https://reference.smart-conformance.example";
    public const string DataAbsentReasonUrl = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    private const string BrandProfile = "http://hl7.org/fhir/smart-app-launch/StructureDefinition/user-access-brand";
    private const string EndpointProfile = "http://hl7.org/fhir/smart-app-launch/StructureDefinition/user-access-endpoint";
    private const string BundleProfile = "http://hl7.org/fhir/smart-app-launch/StructureDefinition/user-access-brands-bundle";

    // Whole seconds: FHIR instants round-trip exactly, so the ETag over the serialized Bundle is stable.
    private readonly DateTimeOffset _published = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private string? _json;

    /// <summary>The Bundle as JSON, built on first request (the server's URL is known only once it listens).</summary>
    public string Json => _json ??= Fhir.FhirJson.Serialize(Build(urls, rewrites));

    private Bundle Build(ServerUrls serverUrls, IEnumerable<IBrandBundleRewrite> bundleRewrites)
    {
        var endpointUrl = $"{serverUrls.BaseUrl.AbsoluteUri}brands/Endpoint/reference-fhir";
        var primaryUrl = $"{serverUrls.BaseUrl.AbsoluteUri}brands/Organization/reference-health";
        var affiliateUrl = $"{serverUrls.BaseUrl.AbsoluteUri}brands/Organization/reference-health-pediatrics";
        var endpoint = new Endpoint
        {
            Id = "reference-fhir",
            Meta = Meta(EndpointProfile),
            Extension = [new Extension("http://hl7.org/fhir/StructureDefinition/endpoint-fhir-version", new Code("4.0.1"))],
            Status = Endpoint.EndpointStatus.Active,
            ConnectionType = new Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type", "hl7-fhir-rest"),
            Name = "SmartConformance reference FHIR R4 server",
            Contact = [new ContactPoint(ContactPoint.ContactPointSystem.Url, null, serverUrls.BaseUrl.AbsoluteUri)],
            PayloadType = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/endpoint-payload-type", "none")],
            Address = serverUrls.FhirBase,
        };
        var primary = new Organization
        {
            Id = "reference-health",
            Meta = Meta(BrandProfile),
            Identifier = [new Identifier(IdentifierSystem, PrimaryIdentifier)],
            Active = true,
            Name = "SmartConformance Reference Health",
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Url, null, PrimaryIdentifier)],
            Endpoint = [new ResourceReference(endpointUrl)],
        };
        // The brand administrator gave no postal address: a data-absent reason the brands page allows.
        var address = new Address();
        address.AddExtension(DataAbsentReasonUrl, new Code("asked-declined"));
        var affiliate = new Organization
        {
            Id = "reference-health-pediatrics",
            Meta = Meta(BrandProfile),
            Identifier = [new Identifier(IdentifierSystem, "https://pediatrics.reference.smart-conformance.example")],
            Active = true,
            Name = "Reference Health Pediatrics",
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Url, null, "https://pediatrics.reference.smart-conformance.example")],
            Address = [address],
            PartOf = new ResourceReference(primaryUrl),
        };
        var bundle = new Bundle
        {
            Id = "user-access-brands",
            Meta = new Meta { Profile = [BundleProfile] },
            Type = Bundle.BundleType.Collection,
            Timestamp = _published,
            Entry =
            [
                new Bundle.EntryComponent { FullUrl = primaryUrl, Resource = primary },
                new Bundle.EntryComponent { FullUrl = affiliateUrl, Resource = affiliate },
                new Bundle.EntryComponent { FullUrl = endpointUrl, Resource = endpoint },
            ],
        };
        foreach (var rewrite in bundleRewrites)
        {
            rewrite.Apply(bundle);
        }
        return bundle;
    }

    private Meta Meta(string profile) => new() { LastUpdated = _published, Profile = [profile] };
}
