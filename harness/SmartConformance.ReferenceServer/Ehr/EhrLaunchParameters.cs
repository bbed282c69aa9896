namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>Names used by the EHR launch (SMART App Launch 2.2 app-launch.html#launch-app-ehr-launch).</summary>
internal static class EhrLaunchParameters
{
    /// <summary>The scope that asks for the EHR's context, and the authorize parameter carrying the launch value.</summary>
    public const string Launch = "launch";

    public const string LaunchEncounterScope = "launch/encounter";

    public const string Iss = "iss";

    // Token response parameters and access-token claims.
    public const string Encounter = "encounter";
    public const string FhirContext = "fhirContext";
    public const string NeedPatientBanner = "need_patient_banner";
    public const string SmartStyleUrl = "smart_style_url";
}
