using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Validation.AspNetCore;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>The authorization policy of the FHIR data endpoints: bearer tokens checked by OpenIddict validation.</summary>
internal static class FhirAuthorization
{
    public const string PolicyName = "fhir-data";

    public static AuthorizationPolicy CreatePolicy(FhirAccessPolicy access)
    {
        // The token is always authenticated when present, so a valid token keeps its scopes and patient even if
        // the policy lets anonymous requests through. An anonymous request that fails the policy is challenged (401).
        var policy = new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        return policy.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true ||
            !access.RequireAccessToken ||
            context.Resource is HttpContext http && http.GetRouteValue("type") is string type && access.TypesServedWithoutToken.Contains(type))
            .Build();
    }
}
