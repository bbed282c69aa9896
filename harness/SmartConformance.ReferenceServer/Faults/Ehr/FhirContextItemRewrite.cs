using System.Text.Json;
using System.Text.Json.Nodes;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.Ehr;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>A token-endpoint handler that edits each object of an EHR launch's fhirContext array.</summary>
internal static class FhirContextItemRewrite
{
    public static OpenIddictServerHandlerDescriptor Handler(Action<JsonObject> rewrite) => EhrTokenResponseRewrite.Handler(parameters =>
    {
        if (parameters.TryGetValue(EhrLaunchParameters.FhirContext, out var fhirContext) &&
            (JsonElement?)fhirContext is { ValueKind: JsonValueKind.Array } items)
        {
            var rewritten = new JsonArray();
            foreach (var item in items.EnumerateArray())
            {
                var node = JsonNode.Parse(item.GetRawText());
                if (node is JsonObject json) rewrite(json);
                rewritten.Add(node);
            }
            parameters[EhrLaunchParameters.FhirContext] = JsonSerializer.SerializeToElement(rewritten);
        }
    });

    public static string? Text(JsonObject item, string field) =>
        item[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
