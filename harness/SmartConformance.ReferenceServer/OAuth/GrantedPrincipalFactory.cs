using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.Hosting;
using SmartConformance.ReferenceServer.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>
/// Builds the principal OpenIddict signs in once the user approved: subject, fhirUser, the launch patient,
/// the granted scopes and the FHIR audience, with each claim routed to the tokens that should carry it.
/// </summary>
internal sealed class GrantedPrincipalFactory(ServerUrls urls)
{
    /// <param name="audience">The aud the app asked for; the token is for that FHIR base (the first one when it names none).</param>
    public ClaimsPrincipal Create(UserAccount user, IReadOnlyCollection<string> scopes, string? patientId, string? encounterId = null, string? audience = null)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Username)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(SmartClaims.FhirUser, urls.FhirAbsolute(user.FhirUser));
        if (patientId is not null)
        {
            identity.SetClaim(SmartClaims.Patient, patientId);
        }
        if (encounterId is not null)
        {
            identity.SetClaim(Ehr.EhrLaunchParameters.Encounter, encounterId);
        }

        identity.SetScopes(scopes);
        identity.SetAudiences(urls.ProtectedBaseNamedBy(audience) ?? urls.FhirBase);
        identity.SetDestinations(claim => DestinationsOf(claim, scopes));
        return new ClaimsPrincipal(identity);
    }

    // Authorization codes and refresh tokens keep every claim; destinations only filter access and identity tokens.
    private static string[] DestinationsOf(Claim claim, IReadOnlyCollection<string> scopes) => claim.Type switch
    {
        Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Name when scopes.Contains(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
        SmartClaims.FhirUser when scopes.Contains(SmartClaims.FhirUser) => [Destinations.AccessToken, Destinations.IdentityToken],
        _ => [Destinations.AccessToken],
    };
}
