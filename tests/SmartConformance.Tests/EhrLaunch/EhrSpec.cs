using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.EhrLaunch;

/// <summary>Spec locations cited by the EHR launch checks.</summary>
internal static class EhrSpec
{
    public const string EhrLaunch = Spec.Smart + "app-launch.html#launch-app-ehr-launch";
    public const string EhrContextScopes = Spec.Smart + "scopes-and-launch-context.html#apps-that-launch-from-the-ehr";
    public const string FhirContext = Spec.Smart + "scopes-and-launch-context.html#fhircontext-exp";
}
