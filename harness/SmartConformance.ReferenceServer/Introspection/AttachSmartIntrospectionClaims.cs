using OpenIddict.Abstractions;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.Ehr;
using SmartConformance.ReferenceServer.OAuth;
using SmartConformance.ReferenceServer.OAuth.Handlers;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Introspection;

/// <summary>
/// Completes the introspection response of an active access token the way SMART requires
/// (token-introspection.html#required-fields-in-the-introspection-response): scope, and the launch context and fhirUser
/// the token response carried. OpenIddict itself only adds them for callers listed in the token's audience.
/// </summary>
internal sealed class AttachSmartIntrospectionClaims : IOpenIddictServerHandler<HandleIntrospectionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleIntrospectionRequestContext>()
            .UseSingletonHandler<AttachSmartIntrospectionClaims>()
            .SetOrder(OpenIddictServerHandlers.Introspection.AttachApplicationClaims.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleIntrospectionRequestContext context)
    {
        // TokenUsage was set from the token's type by OpenIddict's AttachMetadataClaims, which runs first.
        if (context.GenericTokenPrincipal is not { } principal || context.TokenUsage != TokenTypeHints.AccessToken)
        {
            return default;
        }

        context.Scopes.UnionWith(principal.GetScopes());
        foreach (var type in new[] { SmartClaims.Patient, EhrLaunchParameters.Encounter, SmartClaims.FhirUser, EhrLaunchParameters.SmartStyleUrl })
        {
            if (principal.GetClaim(type) is { Length: > 0 } value)
            {
                context.Claims[type] = value;
            }
        }
        if (principal.FindFirst(EhrLaunchParameters.NeedPatientBanner) is { } banner)
        {
            context.Claims[EhrLaunchParameters.NeedPatientBanner] = bool.Parse(banner.Value);
        }
        if (AttachLaunchContextParameters.FhirContextOf(principal) is { } fhirContext)
        {
            context.Claims[EhrLaunchParameters.FhirContext] = fhirContext;
        }
        return default;
    }
}
