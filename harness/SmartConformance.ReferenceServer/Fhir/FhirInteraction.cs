namespace SmartConformance.ReferenceServer.Fhir;

internal enum FhirInteraction
{
    Read,
    Search,
}
