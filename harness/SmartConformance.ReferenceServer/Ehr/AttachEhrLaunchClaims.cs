using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.Fhir;
using SmartConformance.ReferenceServer.Hosting;
using SmartConformance.ReferenceServer.OAuth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>
/// When the authorization code of an EHR launch is issued, redeems the launch value and writes its context into the
/// principal (patient, encounter, fhirContext, need_patient_banner, smart_style_url). The code and refresh token carry
/// it to the token endpoint, where <see cref="OAuth.Handlers.AttachLaunchContextParameters"/> returns it.
/// </summary>
internal sealed class AttachEhrLaunchClaims(EhrLaunchStore launches, EhrLaunchPolicy policy, ServerUrls urls, FhirStore store)
    : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<AttachEhrLaunchClaims>()
            // Before OpenIddict derives the authorization code's principal from the signed-in one.
            .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType is not OpenIddictServerEndpointType.Authorization ||
            context.Principal?.Identity is not ClaimsIdentity identity ||
            !context.Request.HasScope(EhrLaunchParameters.Launch))
        {
            return default;
        }

        var clientId = context.Request.ClientId!;
        var launch = launches.Redeem((string?)context.Request[EhrLaunchParameters.Launch], clientId);
        if (launch is null && !policy.AcceptUnknownLaunch)
        {
            context.Reject(Errors.InvalidRequest, "The 'launch' parameter was already used or has expired.");
            return default;
        }
        if (launch is null || policy.IgnoreLaunchContext)
        {
            launch = EhrLaunchContext.Default(clientId);
        }

        identity.SetClaim(SmartClaims.Patient, launch.PatientId);
        identity.SetClaim(EhrLaunchParameters.Encounter, launch.EncounterId);
        identity.SetClaim(EhrLaunchParameters.SmartStyleUrl, urls.Absolute(EhrEndpoints.StylePath.TrimStart('/')));
        identity.AddClaim(new Claim(EhrLaunchParameters.NeedPatientBanner, launch.NeedPatientBanner ? "true" : "false", ClaimValueTypes.Boolean));
        identity.AddClaim(new Claim(EhrLaunchParameters.FhirContext, FhirContextItems.For(launch, store).ToJsonString(), JsonClaimValueTypes.JsonArray));
        foreach (var claim in identity.Claims.Where(IsLaunchContext))
        {
            claim.SetDestinations(Destinations.AccessToken);
        }
        return default;
    }

    private static bool IsLaunchContext(Claim claim) => claim.Type is SmartClaims.Patient or EhrLaunchParameters.Encounter
        or EhrLaunchParameters.SmartStyleUrl or EhrLaunchParameters.NeedPatientBanner or EhrLaunchParameters.FhirContext;
}
