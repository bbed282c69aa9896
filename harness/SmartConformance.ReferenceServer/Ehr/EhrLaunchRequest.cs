using Microsoft.Extensions.Primitives;
using SmartConformance.ReferenceServer.Fhir;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>The EHR page's fields, from its query (to preselect) or its posted form (to launch).</summary>
internal sealed record EhrLaunchRequest(Uri? LaunchUrl, string? RawLaunchUrl, string? ClientId, string? PatientId,
    string? EncounterId, string? ContextReference, bool NeedPatientBanner)
{
    public static EhrLaunchRequest From(IEnumerable<KeyValuePair<string, StringValues>> fields)
    {
        var map = fields.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
        string? Get(string name) => map.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var rawLaunchUrl = Get("launch_url");
        var launchUrl = Uri.TryCreate(rawLaunchUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Fragment.Length == 0
            ? uri : null;
        return new EhrLaunchRequest(launchUrl, rawLaunchUrl, Get("client_id"), Get("patient"), Get("encounter"), Get("context"),
            // On unless asked otherwise: most EHR screens an app opens in need the app to show the banner.
            Get("need_patient_banner") is not ("false" or "0" or "off"));
    }

    /// <summary>Why this cannot be launched, or null.</summary>
    public string? Problem(FhirStore store)
    {
        if (LaunchUrl is null) return $"launch_url \"{RawLaunchUrl}\" is not an absolute http(s) URL: it is the app's registered launch URL.";
        if (ClientId is null) return "client_id is missing: say which registered app to launch.";
        if (PatientId is null || store.Read("Patient", PatientId) is null) return $"Patient \"{PatientId}\" does not exist.";
        if (EncounterId is not null && (store.Read("Encounter", EncounterId) is not { } encounter || FhirStore.CompartmentPatientId(encounter) != PatientId))
            return $"Encounter \"{EncounterId}\" does not exist or is not Patient/{PatientId}'s.";
        if (ContextReference is not null && (ContextReference.Split('/') is not [var type, var id] || store.Read(type, id) is null))
            return $"The context resource \"{ContextReference}\" does not exist.";
        return null;
    }

    public EhrLaunchContext ToContext() =>
        new(ClientId!, PatientId!, EncounterId, ContextReference is null ? [] : [ContextReference], NeedPatientBanner);
}
