using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Requirements;

/// <summary>
/// When a requirement applies: any of "capability:NAME" (in capabilities), "grant:NAME" (in grant_types_supported)
/// or "endpoint:FIELD" (present in the discovery document), joined by "|".
/// </summary>
public sealed record RequirementCondition
{
    private static readonly string[] Kinds = ["capability", "grant", "endpoint"];

    private RequirementCondition(string text, IReadOnlyList<(string Kind, string Name)> alternatives)
    {
        Text = text;
        Alternatives = alternatives;
    }

    public string Text { get; }
    public IReadOnlyList<(string Kind, string Name)> Alternatives { get; }

    /// <exception cref="FormatException">The text is not a list of kind:name alternatives.</exception>
    public static RequirementCondition Parse(string text)
    {
        var alternatives = new List<(string, string)>();
        foreach (var part in text.Split('|'))
        {
            var pieces = part.Split(':', 2);
            if (pieces.Length != 2 || !Kinds.Contains(pieces[0]) || pieces[1].Length == 0 || pieces[1].Any(char.IsWhiteSpace))
                throw new FormatException($"\"{part}\" is not capability:NAME, grant:NAME or endpoint:FIELD.");
            alternatives.Add((pieces[0], pieces[1]));
        }
        return new RequirementCondition(text, alternatives);
    }

    /// <summary>True when the discovery document meets one alternative; null when there is no document to judge by.</summary>
    public bool? IsMetBy(SmartConfiguration? configuration) =>
        configuration is null ? null : Alternatives.Any(a => a.Kind switch
        {
            "capability" => configuration.Capabilities.Contains(a.Name, StringComparer.Ordinal),
            "grant" => (configuration.Strings("grant_types_supported") ?? []).Contains(a.Name, StringComparer.Ordinal),
            _ => configuration.Has(a.Name),
        });

    /// <summary>Why the requirement does not apply, naming what is not advertised.</summary>
    public string DescribeUnmet() =>
        "Does not apply: the server does not advertise " + string.Join(" or ", Alternatives.Select(a => a.Kind switch
        {
            "capability" => $"the capability {a.Name}",
            "grant" => $"the grant type {a.Name} in grant_types_supported",
            _ => $"{a.Name} in its discovery document",
        })) + ".";

    public override string ToString() => Text;
}
