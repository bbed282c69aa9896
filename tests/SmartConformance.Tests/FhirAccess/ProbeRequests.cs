using SmartConformance.Harness.Profiles;

namespace SmartConformance.Tests.FhirAccess;

/// <summary>The request that stands for each profile resource type: Patient is read by id, other types are searched by patient.</summary>
public static class ProbeRequests
{
    public static IReadOnlyList<(string Type, string Relative)> For(ServerProfile profile, string patientId) =>
        profile.FhirAccess.ResourceTypes.Distinct().Select(type => (type, For(type, patientId))).ToList();

    public static string For(string type, string patientId) =>
        type == "Patient" ? $"Patient/{Uri.EscapeDataString(patientId)}" : $"{type}?patient={Uri.EscapeDataString(patientId)}";

    /// <summary>The standalone launch user's patient, as the profile names it (no launch needed).</summary>
    public static string? ProfilePatient(ServerProfile profile) => profile.User(profile.Launches.StandalonePatient.User).Patient;
}
