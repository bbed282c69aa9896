namespace SmartConformance.Tests.Backend;

/// <summary>Spec locations cited by the backend services and asymmetric client authentication checks.</summary>
internal static class BackendSpec
{
    private const string Backend = Framework.Spec.Smart + "backend-services.html";
    private const string Asymmetric = Framework.Spec.Smart + "client-confidential-asymmetric.html";
    public const string IssueAccessToken = Backend + "#issue-access-token";
    public const string Scopes = Backend + "#scopes";
    public const string EnforceAuthorization = Backend + "#enforce-authorization";
    public const string AccessResponse = Backend + "#response-2";
    public const string SignatureVerification = Asymmetric + "#signature-verification";
    public const string AuthenticationRequest = Asymmetric + "#request";
    public const string TokenError = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2";
}
