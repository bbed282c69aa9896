using System.Text;
using SmartConformance.Harness.Requirements;
using SmartConformance.ReferenceServer;

namespace SmartConformance.Cli.Commands;

/// <summary>
/// The README's tables generated from code: the checks table (from the checks' attributes, the requirement list's
/// Inferno links and the fault catalogue) and the requirement coverage table. Each lives in README.md between
/// &lt;!-- NAME:start --&gt; and &lt;!-- NAME:end --&gt; comments; <see cref="Update"/> rewrites them in place.
/// </summary>
public static class ReadmeTables
{
    public const string ChecksSection = "checks-table";
    public const string CoverageSection = "coverage-table";
    public const string RegenerateCommand = "dotnet run --project harness/SmartConformance.Cli -- list-checks --update-readme README.md";

    /// <summary>Every generated section by name, as it must appear in the README.</summary>
    public static IReadOnlyDictionary<string, string> Sections() => new Dictionary<string, string>
    {
        [ChecksSection] = ChecksMarkdown(),
        [CoverageSection] = ListRequirementsCommand.Markdown(ListRequirementsCommand.Compute()),
    };

    public static string ChecksMarkdown()
    {
        var checks = ListChecksCommand.Explore();
        var faults = FaultCatalog.All;
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine($"{checks.Count} checks in {checks.Select(c => c.Group).Distinct().Count()} groups; the embedded reference server has {faults.Count} named faults.");
        w.WriteLine();
        w.WriteLine("| id | group | what it checks | spec | equivalent Inferno tests | proven by fault |");
        w.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var c in checks)
        {
            var proof = faults.Where(f => f.ExpectedChecks.Contains(c.Id)).Select(f => (f.Name, Label: $"`{f.Name}`"))
                .Concat(faults.Where(f => f.ExpectedWarnings?.Contains(c.Id) == true).Select(f => (f.Name, Label: $"`{f.Name}` (warning)")))
                .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Label).ToList();
            w.WriteLine($"| {c.Id} | {Cell(c.Group)} | {Cell(c.Title)} | [{Cell(c.SpecSection)}]({c.SpecUrl}) | " +
                        $"{(c.Inferno.Count == 0 ? "—" : string.Join(", ", c.Inferno))} | {(proof.Count == 0 ? "**none**" : string.Join(", ", proof))} |");
        }
        return w.ToString();
    }

    /// <summary>The names of the sections whose README text differs from the generated one (or whose markers are missing).</summary>
    public static IReadOnlyList<string> Stale(string readme, IReadOnlyDictionary<string, string>? sections = null) =>
        (sections ?? Sections()).Where(s => Extract(readme, s.Key) is not { } current || Normalise(current) != Normalise(s.Value)).Select(s => s.Key).ToList();

    /// <summary>Rewrites the generated sections of the README file; returns the names of those that changed.</summary>
    public static IReadOnlyList<string> Update(string path)
    {
        var readme = File.ReadAllText(path);
        var sections = Sections();
        var stale = Stale(readme, sections);
        foreach (var name in stale)
        {
            var (start, end) = Markers(name);
            var from = readme.IndexOf(start, StringComparison.Ordinal);
            var to = readme.IndexOf(end, StringComparison.Ordinal);
            if (from < 0 || to < from)
                throw new InvalidOperationException($"{path} has no {start} … {end} markers around the {name}: add them where the table goes.");
            readme = readme[..(from + start.Length)] + "\n" + sections[name].TrimEnd('\n') + "\n" + readme[to..];
        }
        if (stale.Count > 0) File.WriteAllText(path, readme, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return stale;
    }

    private static string? Extract(string readme, string name)
    {
        var (start, end) = Markers(name);
        var from = readme.IndexOf(start, StringComparison.Ordinal);
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        return from < 0 || to < from ? null : readme[(from + start.Length)..to];
    }

    private static (string Start, string End) Markers(string name) => ($"<!-- {name}:start -->", $"<!-- {name}:end -->");

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").Trim('\n', ' ');

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
