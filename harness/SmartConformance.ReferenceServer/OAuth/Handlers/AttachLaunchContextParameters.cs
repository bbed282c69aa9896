using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.Ehr;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.OAuth.Handlers;

/// <summary>
/// Adds SMART launch context to token responses (scopes-and-launch-context.html#launch-context-arrives-with-your-access_token):
/// <c>patient</c> when <c>launch/patient</c> or an EHR <c>launch</c> was granted, <c>encounter</c> with <c>launch/encounter</c>
/// or an EHR launch, and the EHR launch's <c>fhirContext</c>, <c>need_patient_banner</c> and <c>smart_style_url</c>.
/// The claims travel inside the authorization code and refresh token, so refreshes keep the context.
/// </summary>
internal sealed class AttachLaunchContextParameters(OAuthPolicy policy) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<AttachLaunchContextParameters>()
            // Parameters must be set before OpenIddict copies them into the response.
            .SetOrder(OpenIddictServerHandlers.AttachCustomSignInParameters.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType is not OpenIddictServerEndpointType.Token || context.Principal is not { } principal)
        {
            return default;
        }

        var ehrLaunch = principal.HasScope(EhrLaunchParameters.Launch);
        var asked = !policy.ContextOnlyWhenRequested;
        if ((ehrLaunch || asked || principal.HasScope(SmartClaims.LaunchPatientScope)) &&
            principal.GetClaim(SmartClaims.Patient) is { Length: > 0 } patient)
        {
            context.Parameters[SmartClaims.Patient] = patient;
        }
        if ((ehrLaunch || asked || principal.HasScope(EhrLaunchParameters.LaunchEncounterScope)) &&
            principal.GetClaim(EhrLaunchParameters.Encounter) is { Length: > 0 } encounter)
        {
            context.Parameters[EhrLaunchParameters.Encounter] = encounter;
        }
        if (!ehrLaunch)
        {
            return default;
        }

        if (principal.FindFirst(EhrLaunchParameters.NeedPatientBanner) is { } banner)
        {
            context.Parameters[EhrLaunchParameters.NeedPatientBanner] = bool.Parse(banner.Value);
        }
        if (principal.GetClaim(EhrLaunchParameters.SmartStyleUrl) is { Length: > 0 } style)
        {
            context.Parameters[EhrLaunchParameters.SmartStyleUrl] = style;
        }
        if (FhirContextOf(principal) is { } fhirContext)
        {
            context.Parameters[EhrLaunchParameters.FhirContext] = fhirContext;
        }
        return default;
    }

    /// <summary>
    /// The fhirContext array. A JSON-array claim may come back from a token as one claim per element, so both shapes are read.
    /// </summary>
    public static JsonElement? FhirContextOf(ClaimsPrincipal principal)
    {
        var claims = principal.FindAll(EhrLaunchParameters.FhirContext).ToList();
        if (claims.Count == 0)
        {
            return null;
        }
        var elements = claims.SelectMany(claim =>
        {
            using var document = JsonDocument.Parse(claim.Value);
            var root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        });
        return JsonSerializer.SerializeToElement(elements.ToList());
    }
}
