using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>The FHIR REST API: <c>/metadata</c> (open) and read/search of the seeded resources (bearer token).</summary>
internal static class FhirEndpoints
{
    public static void MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fhir/metadata", (CapabilityStatementFactory factory) => new FhirResult(factory.Create()));

        var data = app.MapGroup("/fhir").RequireAuthorization(FhirAuthorization.PolicyName);
        data.MapGet("/{type}/{id}", Read);
        data.MapGet("/{type}", Search);
    }

    private static IResult Read(string type, string id, ClaimsPrincipal user, FhirStore store, FhirAccessDecider decider)
    {
        if (!FhirStore.SupportedTypes.Contains(type))
        {
            return OperationOutcomes.NotFound($"Resource type '{type}' is not supported.");
        }

        var resource = store.Read(type, id);
        if (resource is null)
        {
            return OperationOutcomes.NotFound($"{type}/{id} does not exist.");
        }

        var denied = decider.DenyReason(user, FhirInteraction.Read, type, FhirStore.CompartmentPatientId(resource));
        return denied is null ? new FhirResult(resource) : OperationOutcomes.Forbidden(denied);
    }

    private static IResult Search(string type, HttpRequest request, ClaimsPrincipal user, FhirStore store,
        FhirAccessDecider decider, SearchBundleFactory bundles)
    {
        if (!FhirStore.SupportedTypes.Contains(type))
        {
            return OperationOutcomes.NotFound($"Resource type '{type}' is not supported.");
        }

        var filters = SearchFilters.From(request.Query);
        var denied = decider.DenyReason(user, FhirInteraction.Search, type, filters.PatientId);
        if (denied is not null)
        {
            return OperationOutcomes.Forbidden(denied);
        }

        // Without an explicit patient, each match must still be in a compartment the token reaches.
        var matches = store.All(type)
            .Where(filters.Matches)
            .Where(r => decider.DenyReason(user, FhirInteraction.Search, type, FhirStore.CompartmentPatientId(r)) is null)
            .ToList();
        return new FhirResult(bundles.Create(request, matches));
    }
}
