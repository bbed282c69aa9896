using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.OpenIdConnect;

/// <summary>Spec locations cited by the OpenID Connect checks.</summary>
internal static class OidcSpec
{
    public const string IdentityScopes = Spec.Smart + "scopes-and-launch-context.html#scopes-for-requesting-identity-data";
    public const string IdToken = "https://openid.net/specs/openid-connect-core-1_0.html#IDToken";
    public const string IdTokenValidation = "https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation";
    public const string AuthRequest = "https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest";
    public const string RefreshTokenResponse = "https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse";
}
