using System.CommandLine;
using SmartConformance.Cli.Commands.Init;
using SmartConformance.Cli.Running;

namespace SmartConformance.Cli.Commands;

public static class InitCommand
{
    public static Command Create()
    {
        var fhirBase = new Option<string>("--fhir-base") { Description = "The FHIR base URL of the server to test.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the profile.", DefaultValueFactory = _ => "smart-profile.json" };
        var redirect = new Option<string>("--redirect-uri") { Description = "The loopback redirect URI registered for your clients.", DefaultValueFactory = _ => StarterProfile.DefaultRedirectUri };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds each request may take.", DefaultValueFactory = _ => 30 };
        var command = new Command("init", "Write a starter profile from a server's .well-known/smart-configuration and CapabilityStatement; what only you know is marked REPLACE-….")
        {
            fhirBase, output, redirect, force, timeout,
        };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(output)!;
            if (!Uri.TryCreate(result.GetValue(fhirBase), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            {
                Console.WriteLine($"--fhir-base: \"{result.GetValue(fhirBase)}\" is not an absolute http(s) URL.");
                return ExitCodes.CouldNotRun;
            }
            if (File.Exists(path) && !result.GetValue(force))
            {
                Console.WriteLine($"{path} exists; choose another --output or add --force to overwrite it.");
                return ExitCodes.CouldNotRun;
            }
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)) };
                var facts = await ServerFacts.ReadAsync(http, baseUrl, ct);
                var text = StarterProfile.Write(facts, result.GetValue(redirect)!, SchemaReference(path), DateTimeOffset.UtcNow);
                var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(path, text, ct);
            }
            catch (InitException ex)
            {
                Console.WriteLine(ex.Message);
                return ExitCodes.CouldNotRun;
            }
            Console.WriteLine($"Wrote {path} for {baseUrl}.");
            var markers = File.ReadAllLines(path).Count(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && l.Contains(StarterProfile.Marker, StringComparison.Ordinal));
            Console.WriteLine($"Replace the {markers} \"{StarterProfile.Marker}…\" values, check the browser steps, then: smart-conformance validate-profile {path}");
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>
    /// The schema as a relative path when the profile is written inside the suite's folder (a clone), so editors
    /// validate it offline; otherwise the schema's published id.
    /// </summary>
    private static string SchemaReference(string profilePath)
    {
        var schema = DefaultPaths.Find(Path.Combine("profiles", "profile.schema.json"));
        if (!File.Exists(schema))
            return ProfileSchemaId;
        var suiteRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(schema)))!;
        var profileFolder = Path.GetDirectoryName(Path.GetFullPath(profilePath))!;
        if (!(profileFolder + Path.DirectorySeparatorChar).StartsWith(suiteRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return ProfileSchemaId;
        var relative = Path.GetRelativePath(profileFolder, Path.GetFullPath(schema)).Replace('\\', '/');
        return relative.StartsWith('.') ? relative : "./" + relative;
    }

    private const string ProfileSchemaId = "https://smartconformance.dev/schemas/profile.schema.json";
}
