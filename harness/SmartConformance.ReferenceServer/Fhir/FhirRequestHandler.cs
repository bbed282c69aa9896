using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Read and search, shared by the protected and the open base; the user decides what is reachable.</summary>
internal sealed class FhirRequestHandler(FhirStore store, FhirAccessDecider decider, FhirAccessPolicy policy,
    SearchBundleFactory bundles, OperationOutcomes errors)
{
    public IResult Read(string type, string id, ClaimsPrincipal user)
    {
        if (!FhirStore.SupportedTypes.Contains(type))
        {
            return errors.NotFound($"Resource type '{type}' is not supported.");
        }

        var resource = store.Read(type, id);
        if (resource is null)
        {
            return errors.NotFound($"{type}/{id} does not exist.");
        }

        var denied = decider.DenyReason(user, FhirInteraction.Read, type, FhirStore.CompartmentPatientId(resource), resource);
        return denied is null ? new FhirResult(resource) : errors.Forbidden(denied);
    }

    public IResult Search(string type, HttpRequest request, ClaimsPrincipal user, string fhirBase)
    {
        if (!FhirStore.SupportedTypes.Contains(type))
        {
            return errors.NotFound($"Resource type '{type}' is not supported.");
        }

        var filters = SearchFilters.From(request.Query);
        var denied = decider.DenyReason(user, FhirInteraction.Search, type, filters.PatientId);
        if (denied is not null)
        {
            return errors.Forbidden(denied);
        }

        // Without an explicit patient, each match must still be in a compartment the token reaches.
        var limitToCompartment = filters.PatientId is not null || policy.FilterSearchesWithoutPatient;
        var matches = store.All(type)
            .Where(filters.Matches)
            .Where(r => decider.DenyReason(user, FhirInteraction.Search, type, limitToCompartment ? FhirStore.CompartmentPatientId(r) : null, r) is null)
            .ToList();
        var included = SearchIncludes.For(request.Query, type, matches, store)
            .Where(r => decider.DenyReason(user, FhirInteraction.Read, r.TypeName, FhirStore.CompartmentPatientId(r), r) is null)
            .ToList();
        return new FhirResult(bundles.Create(request, fhirBase, matches, included));
    }
}
