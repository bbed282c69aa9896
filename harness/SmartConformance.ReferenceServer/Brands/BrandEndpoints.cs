using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartConformance.ReferenceServer.Brands;

/// <summary>
/// Serves the Brand Bundle without authorization (CORS comes from the app-wide policy), with a weak ETag as
/// brands.html#caching-brand-bundles recommends, and answers If-None-Match with 304.
/// </summary>
internal static class BrandEndpoints
{
    public static void MapBrandEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(BrandBundleFactory.Path, (HttpContext http, BrandBundleFactory factory) =>
        {
            var json = factory.Json;
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16]}\"";
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v == etag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Text(json, Fhir.FhirJson.ContentType);
        });

    public static bool IsBrandBundle(HttpContext context) =>
        context.Request.Path.Equals(BrandBundleFactory.Path, StringComparison.Ordinal);
}
