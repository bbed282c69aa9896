using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>The FHIR resources of one host, keyed by type and id: the seed, plus what authorized writes add.</summary>
internal sealed class FhirStore
{
    public static IReadOnlySet<string> SupportedTypes { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "Patient", "Observation", "Encounter", "Condition", "Practitioner" };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Type, string Id), Resource> _resources;

    public FhirStore(IEnumerable<Resource> resources) =>
        _resources = new(resources.ToDictionary(r => (r.TypeName, r.Id ?? throw new InvalidDataException($"A seeded {r.TypeName} has no id."))));

    /// <summary>Stores a new resource under a fresh id and returns that id.</summary>
    public string Create(Resource resource)
    {
        resource.Id = Guid.NewGuid().ToString("N");
        _resources[(resource.TypeName, resource.Id)] = resource;
        return resource.Id;
    }

    /// <summary>Stores the resource under its id, replacing any earlier version.</summary>
    public void Update(Resource resource) => _resources[(resource.TypeName, resource.Id!)] = resource;

    public Resource? Read(string type, string id) => _resources.GetValueOrDefault((type, id));

    public IEnumerable<Resource> All(string type) =>
        _resources.Where(pair => pair.Key.Type == type).Select(pair => pair.Value).OrderBy(r => r.Id, StringComparer.Ordinal);

    public IEnumerable<Patient> Patients => All("Patient").Cast<Patient>();

    /// <summary>The patient whose compartment holds the resource, or null for resources outside any patient compartment.</summary>
    public static string? CompartmentPatientId(Resource resource) => resource switch
    {
        Patient patient => patient.Id,
        Observation observation => PatientId(observation.Subject),
        Condition condition => PatientId(condition.Subject),
        Encounter encounter => PatientId(encounter.Subject),
        _ => null,
    };

    /// <summary>"Patient/x", a full URL ending in it, or a bare "x" (as in <c>?patient=x</c>) all give "x".</summary>
    public static string? PatientId(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var marker = reference.LastIndexOf("Patient/", StringComparison.Ordinal);
        return marker >= 0 ? reference[(marker + "Patient/".Length)..] : reference.Contains('/') ? null : reference;
    }

    private static string? PatientId(ResourceReference? subject) => PatientId(subject?.Reference);
}
