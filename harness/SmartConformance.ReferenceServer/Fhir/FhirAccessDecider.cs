using System.Security.Claims;
using Hl7.Fhir.Model;
using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Decides whether a token's scopes and patient context let it reach a resource type or a resource.</summary>
internal sealed class FhirAccessDecider(FhirAccessPolicy policy)
{
    /// <summary>Null when access is allowed, otherwise the reason for a 403.</summary>
    /// <param name="compartmentPatientId">The patient whose compartment is reached, or null for a resource outside any compartment.</param>
    /// <param name="resource">The resource itself when known, so granular (category) scopes can be applied.</param>
    public string? DenyReason(ClaimsPrincipal user, FhirInteraction interaction, string resourceType, string? compartmentPatientId,
        Resource? resource = null)
    {
        // Anonymous requests only get here on the open base, or when the policy lets requests without a token through.
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var granting = user.GetScopes()
            .Select(SmartScope.TryParse)
            .OfType<SmartScope>()
            .Where(scope => !scope.IsV1 || policy.HonourV1Scopes)
            .Where(scope => scope.Allows(interaction) || IsWrite(interaction) && !policy.EnforceWriteScopes && scope.Allows(FhirInteraction.Read))
            .Where(scope => scope.Covers(resourceType) && (policy.WildcardCoversEveryType || scope.ResourceType != "*" || resourceType is "Patient" or "Observation")
                || !policy.EnforceScopeResourceTypes
                || scope.Context == "system" && !policy.EnforceSystemScopeResourceTypes)
            .ToList();
        var verb = interaction.ToString().ToLowerInvariant();
        if (granting.Count == 0)
        {
            return $"No granted scope permits {verb} of {resourceType}.";
        }

        if (resource is not null && policy.EnforceGranularScopes)
        {
            granting = granting.Where(scope => scope.Category is null || CategoryToken.Matches(resource, scope.Category)).ToList();
            if (granting.Count == 0)
            {
                return $"The granted {resourceType} scopes are limited to categories {resourceType}/{resource.Id} is not in.";
            }
        }

        if (granting.Any(scope => !scope.IsPatientLevel && (policy.UserScopesReachOtherPatients || !scope.IsUserLevel)) ||
            compartmentPatientId is null || !policy.EnforcePatientCompartment)
        {
            return null;
        }

        var tokenPatient = user.GetClaim(SmartClaims.Patient);
        if (!policy.LaunchPatientReadable && resourceType == "Patient" && tokenPatient == compartmentPatientId)
        {
            return $"Patient/{compartmentPatientId} is not readable with a patient-level token.";
        }
        return tokenPatient == compartmentPatientId
            ? null
            : $"The token's patient context ({tokenPatient ?? "none"}) does not include Patient/{compartmentPatientId}.";
    }

    private static bool IsWrite(FhirInteraction interaction) => interaction is FhirInteraction.Create or FhirInteraction.Update or FhirInteraction.Delete;
}
