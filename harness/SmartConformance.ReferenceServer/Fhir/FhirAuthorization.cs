using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>The authorization policy of the FHIR data endpoints: bearer tokens checked by OpenIddict validation.</summary>
internal static class FhirAuthorization
{
    public const string PolicyName = "fhir-data";

    public static AuthorizationPolicy CreatePolicy(FhirAccessPolicy access)
    {
        // The token is always authenticated when present, so a valid token keeps its scopes and patient even if
        // the policy lets anonymous requests through.
        var policy = new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        return access.RequireAccessToken
            ? policy.RequireAuthenticatedUser().Build()
            : policy.RequireAssertion(_ => true).Build();
    }
}
