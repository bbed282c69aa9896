namespace SmartConformance.Tests.Token;

/// <summary>Spec locations cited by the OAuth checks, so each URL is written once.</summary>
internal static class OAuthSpec
{
    public const string ResourceScopes = Framework.Spec.Smart + "scopes-and-launch-context.html#scopes-for-requesting-fhir-resources";
    public const string IdentityScopes = Framework.Spec.Smart + "scopes-and-launch-context.html#scopes-for-requesting-identity-data";
    public const string Capabilities = Framework.Spec.Smart + "conformance.html#capabilities";
    public const string Refresh = Framework.Spec.Smart + "app-launch.html#refresh-access-token";
    public const string RefreshResponse = Framework.Spec.Smart + "app-launch.html#response-7";
    public const string AuthorizationError = "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1";
    public const string TokenRequest = "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3";
    public const string TokenError = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2";
    public const string RefreshRequest = "https://www.rfc-editor.org/rfc/rfc6749#section-6";
    public const string PkceVerification = "https://www.rfc-editor.org/rfc/rfc7636#section-4.6";
    public const string BearerErrors = "https://www.rfc-editor.org/rfc/rfc6750#section-3.1";
    public const string RefreshRotation = "https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2";
}
