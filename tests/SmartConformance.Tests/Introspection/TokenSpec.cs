using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Introspection;

/// <summary>Spec locations cited by the introspection and revocation checks.</summary>
internal static class TokenSpec
{
    public const string Introspection = Spec.Smart + "token-introspection.html#required-fields-in-the-introspection-response";
    public const string IntrospectionAuthorization = "https://www.rfc-editor.org/rfc/rfc7662#section-2.1";
    public const string IntrospectionResponse = "https://www.rfc-editor.org/rfc/rfc7662#section-2.2";
    public const string Revocation = "https://www.rfc-editor.org/rfc/rfc7009#section-2.2";
    public const string RevocationRequest = "https://www.rfc-editor.org/rfc/rfc7009#section-2.1";
}
