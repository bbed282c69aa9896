using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartConformance.ReferenceServer.Hosting;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>
/// The FHIR REST API of the protected base <c>/fhir</c>: <c>/metadata</c> (open), read, search, create and update
/// (bearer token), and batches of reads POSTed to the base. Writes are accepted only with a write scope; the store keeps what they add.
/// </summary>
internal static class FhirEndpoints
{
    public static void MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var metadata = app.MapGet("/fhir/metadata", (CapabilityStatementFactory factory) => new FhirResult(factory.Create()));
        if (!app.ServiceProvider.GetRequiredService<FhirAccessPolicy>().MetadataServedWithoutToken)
        {
            metadata.RequireAuthorization(FhirAuthorization.PolicyName);
        }

        var data = app.MapGroup("/fhir").RequireAuthorization(FhirAuthorization.PolicyName);
        data.MapGet("/{type}/{id}", (string type, string id, ClaimsPrincipal user, FhirRequestHandler handler) =>
            handler.Read(type, id, user));
        data.MapGet("/{type}", (string type, HttpRequest request, ClaimsPrincipal user, FhirRequestHandler handler, ServerUrls urls) =>
            handler.Search(type, request, user, urls.FhirBase));
        data.MapPost("/", (HttpRequest request, ClaimsPrincipal user, FhirBatchHandler handler) =>
            handler.HandleAsync(request, user));
        data.MapPost("/{type}", (string type, HttpRequest request, ClaimsPrincipal user, FhirWriteHandler handler) =>
            handler.CreateAsync(type, request, user));
        data.MapPut("/{type}/{id}", (string type, string id, HttpRequest request, ClaimsPrincipal user, FhirWriteHandler handler) =>
            handler.UpdateAsync(type, id, request, user));

        // The second base of the same deployment: the same data, read-only, for tokens issued for it.
        var second = app.MapGroup("/" + ServerUrls.SecondFhirPath).RequireAuthorization(FhirAuthorization.PolicyName);
        second.MapGet("/{type}/{id}", (string type, string id, ClaimsPrincipal user, FhirRequestHandler handler) =>
            handler.Read(type, id, user));
    }
}
