using System.Security.Claims;
using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Decides whether a token's scopes and patient context let it read a resource.</summary>
internal sealed class FhirAccessDecider(FhirAccessPolicy policy)
{
    /// <summary>Null when access is allowed, otherwise the reason for a 403.</summary>
    /// <param name="compartmentPatientId">The patient whose compartment is reached, or null for a resource outside any compartment.</param>
    public string? DenyReason(ClaimsPrincipal user, FhirInteraction interaction, string resourceType, string? compartmentPatientId)
    {
        // Only reachable when the policy lets requests without a token through.
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var granting = user.GetScopes()
            .Select(SmartScope.TryParse)
            .OfType<SmartScope>()
            .Where(scope => scope.Grants(interaction, resourceType))
            .ToList();

        if (granting.Count == 0)
        {
            return $"No granted scope permits {interaction.ToString().ToLowerInvariant()} of {resourceType}.";
        }

        if (granting.Any(scope => !scope.IsPatientLevel) || compartmentPatientId is null || !policy.EnforcePatientCompartment)
        {
            return null;
        }

        var tokenPatient = user.GetClaim(SmartClaims.Patient);
        return tokenPatient == compartmentPatientId
            ? null
            : $"The token's patient context ({tokenPatient ?? "none"}) does not include Patient/{compartmentPatientId}.";
    }
}
