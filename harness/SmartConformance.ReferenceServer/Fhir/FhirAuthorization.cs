using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.Hosting;
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
            context.Resource is HttpContext http && IsSecondBase(http)
                // The second base (RS-09) is always protected: the first base's relaxations (faults) do not reach it.
                ? context.User.Identity?.IsAuthenticated == true && (!access.SecondBaseChecksAudience || IssuedFor(context.User, http, second: true))
                : (context.User.Identity?.IsAuthenticated == true && (context.Resource is not HttpContext first || IssuedFor(context.User, first, second: false))) ||
                  !access.RequireAccessToken ||
                  context.Resource is HttpContext open && open.GetRouteValue("type") is string type && access.TypesServedWithoutToken.Contains(type))
            .Build();
    }

    private static bool IsSecondBase(HttpContext http) => http.Request.Path.StartsWithSegments("/" + ServerUrls.SecondFhirPath);

    // A token is for the FHIR base its aud names; one for another base of the same server is refused (403).
    private static bool IssuedFor(ClaimsPrincipal user, HttpContext http, bool second)
    {
        var urls = http.RequestServices.GetRequiredService<ServerUrls>();
        return user.HasAudience(second ? urls.SecondFhirBase : urls.FhirBase);
    }
}
