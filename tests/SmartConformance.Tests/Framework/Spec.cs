namespace SmartConformance.Tests.Framework;

/// <summary>Spec locations cited by checks, so each URL is written once.</summary>
public static class Spec
{
    public const string Smart = "https://hl7.org/fhir/smart-app-launch/STU2.2/";
    public const string WellKnown = Smart + "conformance.html#using-well-known";
    public const string Metadata = Smart + "conformance.html#metadata";
    public const string Pkce = Smart + "app-launch.html#considerations-for-pkce-support";
    public const string AuthorizationResponse = Smart + "app-launch.html#response-4";
    public const string TokenResponse = Smart + "app-launch.html#response-5";
    public const string LaunchContext = Smart + "scopes-and-launch-context.html#launch-context-arrives-with-your-access_token";
    public const string AccessFhir = Smart + "app-launch.html#response-6";
    public const string FhirCapabilities = "https://hl7.org/fhir/R4/http.html#capabilities";
    public const string Rfc6750Section3 = "https://www.rfc-editor.org/rfc/rfc6750#section-3";
    public const string Cors = Smart + "app-launch.html#considerations-for-cross-origin-resource-sharing-cors-support";
    public const string AsymmetricDiscovery = Smart + "client-confidential-asymmetric.html#advertising-server-support-for-this-profile";
    public const string OpenIdDiscovery = "https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation";
    public const string Conformance = Smart + "conformance.html";
    public const string PatientScopes = Smart + "scopes-and-launch-context.html#patient-specific-scopes";
    public const string ResourceScopes = Smart + "scopes-and-launch-context.html#scopes-for-requesting-fhir-resources";
    public const string GranularScopes = Smart + "scopes-and-launch-context.html#finer-grained-resource-constraints-using-search-parameters";
    public const string FhirErrors = "https://hl7.org/fhir/R4/http.html#Status-Codes";
    public const string Brands = Smart + "brands.html#conformance-overview";
    public const string BrandBundleProfile = Smart + "brands.html#brand-bundle-profile";
    public const string BrandMetadata = Smart + "brands.html#metadata-in-well-knownsmart-configuration";
    public const string BrandCors = Smart + "brands.html#managing-cross-origin-resource-sharing-cors-for-fhir-resources";
    public const string BrandCaching = Smart + "brands.html#caching-brand-bundles";
    public const string BrandDataAbsent = Smart + "brands.html#must-support-definition-ms-and-data-absent-reasons";
    public const string CapabilitySets = Smart + "conformance.html#capability-sets";
    public const string Capabilities = Smart + "conformance.html#capabilities";
    public const string FhirSecurityService = "https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.security.service";

    public static string Hl7(int number) => $"hl7.fhir.uv.smart-app-launch_2.2.0@{number}";
}
