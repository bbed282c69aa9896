using Hl7.Fhir.Model;
using SmartConformance.ReferenceServer.Hosting;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>
/// Builds <c>/metadata</c>: FHIR 4.0.1 for both bases. The protected base declares the SMART-on-FHIR security service
/// and the (deprecated in SMART 2, still read by older clients) oauth-uris extension; the open base declares no
/// security at all, since nothing there needs authorization.
/// </summary>
internal sealed class CapabilityStatementFactory(ServerUrls urls, CapabilityStatementMutations mutations, FhirAccessPolicy policy)
{
    public const string OAuthUrisExtension = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    public const string SecurityServiceSystem = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    public CapabilityStatement Create()
    {
        var statement = Create(urls.FhirBase, CreateSecurity(), writable: true);
        mutations.ApplyTo(statement);
        return statement;
    }

    public CapabilityStatement CreateOpen() =>
        Create(urls.OpenFhirBaseUrl.AbsoluteUri, policy.OpenBaseDeclaresNoSmartSecurity ? null : CreateSecurity(), writable: false);

    private static CapabilityStatement Create(string fhirBase, CapabilityStatement.SecurityComponent? security, bool writable) => new()
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
            Url = fhirBase,
        },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Rest = [new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Security = security,
            Resource = FhirStore.SupportedTypes.Order(StringComparer.Ordinal).Select(type => CreateResource(type, writable)).ToList(),
            // The protected base answers batches of reads (FhirBatchHandler).
            Interaction = writable ? [new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Batch }] : [],
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

    private static CapabilityStatement.ResourceComponent CreateResource(string type, bool writable)
    {
        var resource = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
        };
        resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType });
        if (writable)
        {
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create });
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Update });
            resource.UpdateCreate = true;
        }
        if (type is not ("Patient" or "Practitioner"))
        {
            resource.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "patient", Type = SearchParamType.Reference });
            resource.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "category", Type = SearchParamType.Token });
            resource.SearchInclude = [$"{type}:subject", $"{type}:patient"];
        }
        if (type == "Patient")
        {
            resource.SearchRevInclude = ["Observation:subject", "Condition:subject", "Encounter:subject"];
        }
        return resource;
    }
}
