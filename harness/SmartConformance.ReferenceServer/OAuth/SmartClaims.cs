namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>SMART-specific claim, scope and parameter names.</summary>
internal static class SmartClaims
{
    /// <summary>The launch patient: a claim in the access token and a token response parameter.</summary>
    public const string Patient = "patient";

    public const string FhirUser = "fhirUser";

    public const string LaunchPatientScope = "launch/patient";

    /// <summary>The authorize request parameter that names the audience (the FHIR base URL).</summary>
    public const string AudienceParameter = "aud";
}
