using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartConformance.ReferenceServer.Discovery;

/// <summary>Serves the SMART discovery document under the FHIR base (where SMART requires it) and at the root.</summary>
internal static class DiscoveryEndpoints
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static void MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fhir/.well-known/smart-configuration", Serve);
        app.MapGet("/.well-known/smart-configuration", Serve);
    }

    private static IResult Serve(SmartConfigurationFactory factory) =>
        Results.Json(factory.Create(), Json, contentType: "application/json");
}
