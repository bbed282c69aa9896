using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>A FHIR resource written as <c>application/fhir+json</c>.</summary>
internal sealed class FhirResult(Resource resource, int statusCode = StatusCodes.Status200OK, string? location = null) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = FhirJson.ContentType;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }
        return httpContext.Response.WriteAsync(FhirJson.Serialize(resource), httpContext.RequestAborted);
    }
}
