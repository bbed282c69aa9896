using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartConformance.Tests.EhrLaunch;

/// <summary>The SMART App Launch 2.2 shape of <c>fhirContext</c> (scopes-and-launch-context.html#fhircontext-exp).</summary>
internal static partial class FhirContextRules
{
    public static IEnumerable<string> Problems(JsonElement fhirContext)
    {
        if (fhirContext.ValueKind != JsonValueKind.Array)
        {
            yield return $"fhirContext is a JSON {fhirContext.ValueKind}, expected an array of objects";
            yield break;
        }
        var index = 0;
        foreach (var item in fhirContext.EnumerateArray())
        {
            var at = $"fhirContext[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                yield return $"{at} is {Short(item)}, expected an object such as {{\"reference\": \"Observation/123\"}} (SMART 2.0's bare strings are not 2.2 fhirContext)";
                continue;
            }
            var hasReference = item.TryGetProperty("reference", out var reference);
            var hasCanonical = item.TryGetProperty("canonical", out var canonical);
            var hasIdentifier = item.TryGetProperty("identifier", out var identifier);
            if (!hasReference && !hasCanonical && !hasIdentifier)
                yield return $"{at} has none of reference, canonical or identifier";
            if (hasReference && (reference.ValueKind != JsonValueKind.String || !RelativeReference().IsMatch(reference.GetString()!)))
                yield return $"{at}.reference is {Short(reference)}, expected a relative reference such as \"Observation/123\"";
            if (hasCanonical && (canonical.ValueKind != JsonValueKind.String || canonical.GetString()!.Length == 0))
                yield return $"{at}.canonical is {Short(canonical)}, expected a canonical URL string";
            if (hasIdentifier && identifier.ValueKind != JsonValueKind.Object)
                yield return $"{at}.identifier is {Short(identifier)}, expected a FHIR Identifier object";
            if (item.TryGetProperty("type", out var type) && (type.ValueKind != JsonValueKind.String || !ResourceType().IsMatch(type.GetString()!)))
                yield return $"{at}.type is {Short(type)}, expected a FHIR resource type name";
            var hasRole = item.TryGetProperty("role", out var role);
            var roleText = hasRole && role.ValueKind == JsonValueKind.String ? role.GetString()! : null;
            if (hasRole && string.IsNullOrEmpty(roleText))
                yield return $"{at}.role is {Short(role)}, expected a non-empty role URI (or no role)";
            else if (roleText is not null && !SmartRoles.Contains(roleText) && !Uri.TryCreate(roleText, UriKind.Absolute, out _))
                yield return $"{at}.role is \"{roleText}\": a role SMART does not define must be an absolute URI (only registered roles such as \"launch\" may be written relative)";
            var resourceType = type.ValueKind == JsonValueKind.String ? type.GetString()
                : reference.ValueKind == JsonValueKind.String ? reference.GetString()!.Split('/')[0] : null;
            if (resourceType is "Patient" or "Encounter" && (!hasRole || roleText == "launch"))
                yield return $"{at} refers to a {resourceType} {(hasRole ? "with role \"launch\"" : "without a role (which means \"launch\")")}: a {resourceType} appears in fhirContext only with another role; the launch {resourceType} belongs in the top-level {resourceType.ToLowerInvariant()} parameter";
        }
    }

    /// <summary>SHOULD-level advice: items given by identifier or canonical also say their type.</summary>
    public static IEnumerable<string> Advice(JsonElement fhirContext)
    {
        if (fhirContext.ValueKind != JsonValueKind.Array) yield break;
        var index = 0;
        foreach (var item in fhirContext.EnumerateArray())
        {
            var at = $"fhirContext[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || item.TryGetProperty("type", out _)) continue;
            var by = item.TryGetProperty("identifier", out _) ? "identifier" : item.TryGetProperty("canonical", out _) ? "canonical" : null;
            if (by is not null) yield return $"{at} is given by {by} but has no type";
        }
    }

    /// <summary>The roles of the fhirContext Role Registry, the only ones that may be written as relative URIs.</summary>
    private static readonly HashSet<string> SmartRoles = new(StringComparer.Ordinal) { "launch" };

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]+/[A-Za-z0-9\-\.]{1,64}(/_history/[A-Za-z0-9\-\.]{1,64})?$")]
    private static partial Regex RelativeReference();

    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex ResourceType();
}
