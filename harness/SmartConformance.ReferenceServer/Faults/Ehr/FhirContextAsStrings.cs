using System.Text.Json;
using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.Ehr;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>fhirContext is an array of bare reference strings (the SMART 2.0 draft shape) instead of objects.</summary>
internal sealed class FhirContextAsStrings : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "ehr.fhircontext-malformed",
        "fhirContext is an array of strings instead of objects with reference",
        "SMART App Launch 2.2 scopes-and-launch-context.html#fhircontext-exp",
        ["TOK-10"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler(EhrTokenResponseRewrite.Handler(parameters =>
    {
        if (parameters.TryGetValue(EhrLaunchParameters.FhirContext, out var fhirContext) && (JsonElement?)fhirContext is { ValueKind: JsonValueKind.Array } items)
        {
            var references = items.EnumerateArray()
                .Select(item => item.TryGetProperty("reference", out var reference) ? reference.GetString() : null)
                .OfType<string>().ToList();
            parameters[EhrLaunchParameters.FhirContext] = JsonSerializer.SerializeToElement(references);
        }
    }));
}
