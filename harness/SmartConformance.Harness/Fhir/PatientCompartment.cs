using Hl7.Fhir.Model;

namespace SmartConformance.Harness.Fhir;

/// <summary>
/// The patient a resource belongs to, read from the element FHIR's Patient compartment names for common clinical
/// types (subject or patient). Null when the type is not known here or the reference is not to a Patient.
/// </summary>
public static class PatientCompartment
{
    public static string? PatientOf(Resource resource) => resource switch
    {
        Patient patient => patient.Id,
        Observation r => IdOf(r.Subject),
        Condition r => IdOf(r.Subject),
        Encounter r => IdOf(r.Subject),
        DiagnosticReport r => IdOf(r.Subject),
        Procedure r => IdOf(r.Subject),
        MedicationRequest r => IdOf(r.Subject),
        CarePlan r => IdOf(r.Subject),
        DocumentReference r => IdOf(r.Subject),
        AllergyIntolerance r => IdOf(r.Patient),
        Immunization r => IdOf(r.Patient),
        _ => null,
    };

    /// <summary>True when the resource is of a type whose patient this class can tell.</summary>
    public static bool Knows(Resource resource) => resource is Patient or Observation or Condition or Encounter or DiagnosticReport
        or Procedure or MedicationRequest or CarePlan or DocumentReference or AllergyIntolerance or Immunization;

    /// <summary>"Patient/x", an absolute URL ending in Patient/x (history suffix allowed) give "x".</summary>
    public static string? IdOf(ResourceReference? reference)
    {
        var text = reference?.Reference;
        if (string.IsNullOrEmpty(text)) return null;
        var marker = text.LastIndexOf("Patient/", StringComparison.Ordinal);
        if (marker < 0) return null;
        var id = text[(marker + "Patient/".Length)..];
        var history = id.IndexOf("/_history", StringComparison.Ordinal);
        return history >= 0 ? id[..history] : id;
    }
}
