using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>FHIR R4 JSON (de)serialization through System.Text.Json.</summary>
internal static class FhirJson
{
    public const string ContentType = "application/fhir+json; charset=utf-8";

    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, Options);

    public static Resource Deserialize(string json) =>
        JsonSerializer.Deserialize<Resource>(json, Options) ?? throw new JsonException("Empty FHIR resource.");
}
