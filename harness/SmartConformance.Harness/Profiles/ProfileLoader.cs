using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartConformance.Harness.Profiles;

/// <summary>
/// Reads a profile file: substitutes ${ENV:NAME}, validates it against the schema, then checks what a schema
/// cannot (references between sections, URLs). Every problem names its JSON path; none is silently fixed.
/// </summary>
public static class ProfileLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ProfileLoadResult Load(string path, Func<string, string?>? environment = null)
    {
        if (!File.Exists(path))
            throw new ProfileException(path, [new ProfileProblem("$", $"no file at {Path.GetFullPath(path)}")]);
        return Parse(File.ReadAllText(path), path, environment);
    }

    public static ProfileLoadResult Parse(string text, string sourceName, Func<string, string?>? environment = null)
    {
        var problems = new List<ProfileProblem>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
                { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new ProfileException(sourceName, [new ProfileProblem("$", $"not valid JSON: {ex.Message}")]);
        }
        if (root is not JsonObject)
            throw new ProfileException(sourceName, [new ProfileProblem("$", "expected a JSON object at the top of the profile")]);

        var substituted = new HashSet<string>();
        EnvironmentSubstitution.Apply(root, environment ?? Environment.GetEnvironmentVariable, problems, substituted);
        var resolvedText = root.ToJsonString();
        problems.AddRange(ProfileSchema.Validate(resolvedText));
        if (problems.Any(p => !p.IsWarning)) throw new ProfileException(sourceName, problems);

        var profile = root.Deserialize<ServerProfile>(Json)
            ?? throw new ProfileException(sourceName, [new ProfileProblem("$", "the profile is empty")]);
        problems.AddRange(ProfileRules.Check(profile));
        profile = CaBundleRule.Resolve(profile, sourceName, problems);
        if (problems.Any(p => !p.IsWarning)) throw new ProfileException(sourceName, problems);

        var secrets = substituted
            .Concat(profile.Clients.Select(c => c.ClientSecret))
            .Concat(profile.Users.Select(u => u.Password))
            .Concat(profile.BackendServices?.SecretValues() ?? [])
            .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToHashSet();
        return new ProfileLoadResult(profile with { SourcePath = sourceName, Secrets = secrets },
            problems.Where(p => p.IsWarning).ToList());
    }
}

public sealed record ProfileLoadResult(ServerProfile Profile, IReadOnlyList<ProfileProblem> Warnings);
