using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using SmartConformance.ReferenceServer.Hosting;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Create and update on the protected base: the scope is checked before the body is even read.</summary>
internal sealed class FhirWriteHandler(FhirStore store, FhirAccessDecider decider, OperationOutcomes errors, ServerUrls urls,
    FhirAccessPolicy policy)
{
    public async Task<IResult> CreateAsync(string type, HttpRequest request, ClaimsPrincipal user)
    {
        var (resource, refusal) = await AuthorizeAsync(FhirInteraction.Create, type, request, user);
        if (resource is null)
        {
            return refusal!;
        }

        var id = store.Create(resource);
        return new FhirResult(resource, StatusCodes.Status201Created, location: urls.FhirAbsolute($"{type}/{id}"));
    }

    public async Task<IResult> UpdateAsync(string type, string id, HttpRequest request, ClaimsPrincipal user)
    {
        var (resource, refusal) = await AuthorizeAsync(FhirInteraction.Update, type, request, user);
        if (resource is null)
        {
            return refusal!;
        }
        if (resource.Id != id)
        {
            return errors.Invalid($"The body's id ({resource.Id ?? "none"}) differs from the URL's ({id}).");
        }

        // The patient of the stored version counts too: an update must not move a resource out of another compartment.
        if (store.Read(type, id) is { } existing &&
            decider.DenyReason(user, FhirInteraction.Update, type, FhirStore.CompartmentPatientId(existing), existing) is { } denied)
        {
            return errors.Forbidden(denied);
        }

        var created = store.Read(type, id) is null;
        if (created && !policy.UpdateScopeCreates &&
            decider.DenyReason(user, FhirInteraction.Create, type, FhirStore.CompartmentPatientId(resource), resource) is { } noCreate)
        {
            return errors.Forbidden(noCreate);
        }
        store.Update(resource);
        return new FhirResult(resource, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private async Task<(Resource? Resource, IResult? Refusal)> AuthorizeAsync(FhirInteraction interaction, string type, HttpRequest request, ClaimsPrincipal user)
    {
        if (!FhirStore.SupportedTypes.Contains(type))
        {
            return (null, errors.NotFound($"Resource type '{type}' is not supported."));
        }
        if (decider.DenyReason(user, interaction, type, compartmentPatientId: null) is { } noScope)
        {
            return (null, errors.Forbidden(noScope));
        }

        Resource resource;
        try
        {
            using var reader = new StreamReader(request.Body);
            resource = FhirJson.Deserialize(await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            return (null, errors.Invalid($"The body is not a FHIR R4 JSON resource: {ex.Message.Split('\n')[0]}"));
        }
        if (resource.TypeName != type)
        {
            return (null, errors.Invalid($"The body is a {resource.TypeName}, not a {type}."));
        }

        var denied = decider.DenyReason(user, interaction, type, FhirStore.CompartmentPatientId(resource), resource);
        return denied is null ? (resource, null) : (null, errors.Forbidden(denied));
    }
}
