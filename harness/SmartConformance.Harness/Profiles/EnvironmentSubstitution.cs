using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SmartConformance.Harness.Profiles;

/// <summary>Replaces ${ENV:NAME} in every string of a profile with the environment variable's value.</summary>
public static partial class EnvironmentSubstitution
{
    [GeneratedRegex(@"\$\{ENV:([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    public static void Apply(JsonNode? node, Func<string, string?> lookup, List<ProfileProblem> problems, HashSet<string> substituted)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList()) Apply(child, lookup, problems, substituted);
                break;
            case JsonArray array:
                foreach (var child in array.ToList()) Apply(child, lookup, problems, substituted);
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && Placeholder().IsMatch(text):
                var replaced = Placeholder().Replace(text, match =>
                {
                    var name = match.Groups[1].Value;
                    var found = lookup(name);
                    if (found is null)
                    {
                        problems.Add(new ProfileProblem(JsonPath.Of(value),
                            $"the environment variable {name} is not set (the profile asks for ${{ENV:{name}}}); set it before running"));
                        return match.Value;
                    }
                    if (found.Length > 0) substituted.Add(found);
                    return found;
                });
                value.ReplaceWith(JsonValue.Create(replaced));
                break;
        }
    }
}
