namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>
/// What the EHR user had open when they launched an app: it becomes the token response's launch context
/// (SMART App Launch 2.2 scopes-and-launch-context.html#launch-context-arrives-with-your-access_token).
/// </summary>
/// <param name="ClientId">The app the launch was made for; another client cannot redeem it.</param>
/// <param name="FhirContext">Relative references to other resources in context (<c>Observation/x</c>).</param>
internal sealed record EhrLaunchContext(
    string ClientId,
    string PatientId,
    string? EncounterId,
    IReadOnlyList<string> FhirContext,
    bool NeedPatientBanner)
{
    /// <summary>The context the faulty servers fall back to: the clinician's "last opened" patient.</summary>
    public static EhrLaunchContext Default(string clientId) =>
        new(clientId, SeedData.Patient1Id, SeedData.Patient1EncounterId, [], NeedPatientBanner: true);
}
