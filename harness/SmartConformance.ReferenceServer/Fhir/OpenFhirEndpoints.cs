using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SmartConformance.ReferenceServer.Hosting;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>
/// The open base <c>/open-fhir</c>: the same data, read-only, with no authorization. It serves no
/// <c>.well-known/smart-configuration</c> (SMART only requires one of endpoints that need authorization) and its
/// CapabilityStatement declares no security service. An Authorization header is ignored: a token cannot restrict
/// or widen what anyone may read here.
/// </summary>
internal static class OpenFhirEndpoints
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public static void MapOpenFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/" + ServerUrls.OpenFhirPath);
        open.MapGet("/metadata", (CapabilityStatementFactory factory) => new FhirResult(factory.CreateOpen()));
        open.MapGet("/{type}/{id}", (string type, string id, HttpRequest request, FhirRequestHandler handler, FhirAccessPolicy policy, OperationOutcomes errors) =>
            Refusal(request, policy, errors) ?? handler.Read(type, id, Anonymous));
        open.MapGet("/{type}", (string type, HttpRequest request, FhirRequestHandler handler, FhirAccessPolicy policy, OperationOutcomes errors, ServerUrls urls) =>
            Refusal(request, policy, errors) ?? handler.Search(type, request, Anonymous, urls.OpenFhirBaseUrl.AbsoluteUri));
    }

    // Only faults make the open base refuse or fail.
    private static IResult? Refusal(HttpRequest request, FhirAccessPolicy policy, OperationOutcomes errors)
    {
        var hasToken = request.Headers.Authorization.Count > 0;
        if (hasToken && !policy.OpenBaseIgnoresTokens)
        {
            return errors.Exception("Token validation is not configured for this endpoint.");
        }
        if (!policy.OpenBaseServesWithoutToken)
        {
            request.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        return null;
    }
}
