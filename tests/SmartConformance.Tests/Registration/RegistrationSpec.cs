namespace SmartConformance.Tests.Registration;

/// <summary>Spec locations cited by the dynamic client registration checks.</summary>
internal static class RegistrationSpec
{
    public const string Register = "https://www.rfc-editor.org/rfc/rfc7591#section-3";
    public const string Response = "https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1";
    public const string Error = "https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2";
    public const string SmartRegister = Framework.Spec.Smart + "app-launch.html#register-app-with-ehr";
}
