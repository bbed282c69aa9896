namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Switches of the FHIR resource server that faults may turn. The defaults are the conformant behaviour.</summary>
internal sealed class FhirAccessPolicy
{
    /// <summary>Data endpoints answer 401 without a valid bearer token.</summary>
    public bool RequireAccessToken { get; set; } = true;

    /// <summary>A patient-level token only reaches its own patient's compartment.</summary>
    public bool EnforcePatientCompartment { get; set; } = true;
}
