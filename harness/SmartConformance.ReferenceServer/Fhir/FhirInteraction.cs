namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>The REST interactions SMART v2 permissions name: c, r, u, d, s.</summary>
internal enum FhirInteraction
{
    Create,
    Read,
    Update,
    Delete,
    Search,
}
