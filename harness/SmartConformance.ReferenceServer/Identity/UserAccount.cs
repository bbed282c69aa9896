namespace SmartConformance.ReferenceServer.Identity;

/// <summary>A seeded user. <see cref="PatientId"/> is set for patients (their own record) and null for providers.</summary>
internal sealed record UserAccount(string Username, string Password, string DisplayName, string FhirUser, string? PatientId)
{
    public bool IsProvider => PatientId is null;
}
