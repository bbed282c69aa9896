using Hl7.Fhir.Model;
using SmartConformance.ReferenceServer.Hosting;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Builds the server's <c>/metadata</c>: FHIR 4.0.1, SMART-on-FHIR security and the oauth-uris extension.</summary>
internal sealed class CapabilityStatementFactory(ServerUrls urls)
{
    public const string OAuthUrisExtension = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    public const string SecurityServiceSystem = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    public CapabilityStatement Create() => new()
    {
        Status = PublicationStatus.Active,
        Date = "2024-06-01",
        Kind = CapabilityStatementKind.Instance,
        Name = "SmartConformanceReferenceServer",
        Title = "SmartConformance reference SMART server",
        Software = new CapabilityStatement.SoftwareComponent { Name = "SmartConformance.ReferenceServer" },
        Implementation = new CapabilityStatement.ImplementationComponent
        {
            Description = "Embedded SMART App Launch reference server",
            Url = urls.FhirBase,
        },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Rest = [new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Security = CreateSecurity(),
            Resource = FhirStore.SupportedTypes.Order(StringComparer.Ordinal).Select(CreateResource).ToList(),
        }],
    };

    private CapabilityStatement.SecurityComponent CreateSecurity()
    {
        var security = new CapabilityStatement.SecurityComponent
        {
            Cors = true,
            Service = [new CodeableConcept(SecurityServiceSystem, "SMART-on-FHIR", "SMART-on-FHIR")],
            Description = "OAuth2 using SMART App Launch 2.x",
        };
        security.Extension.Add(new Extension
        {
            Url = OAuthUrisExtension,
            Extension =
            [
                new Extension("authorize", new FhirUri(urls.Absolute("authorize"))),
                new Extension("token", new FhirUri(urls.Absolute("token"))),
            ],
        });
        return security;
    }

    private static CapabilityStatement.ResourceComponent CreateResource(string type)
    {
        var resource = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
        };
        if (type is not ("Patient" or "Practitioner"))
        {
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType });
            resource.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "patient", Type = SearchParamType.Reference });
        }
        return resource;
    }
}
