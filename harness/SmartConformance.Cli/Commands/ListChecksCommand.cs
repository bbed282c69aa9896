using System.CommandLine;
using System.Text.Json;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Requirements;
using SmartConformance.Tests;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Commands;

public static class ListChecksCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "text, json, or markdown (the README's checks table).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var updateReadme = new Option<string?>("--update-readme")
        {
            Description = "Rewrite the generated tables of this README (checks table and requirement coverage, between <!-- NAME:start/end --> comments) instead of printing.",
        };
        var command = new Command("list-checks", "List every check: id, title, group, spec clause and equivalent Inferno tests, without running anything.") { format, updateReadme };
        command.SetAction(result =>
        {
            if (result.GetValue(updateReadme) is { } readme)
            {
                var changed = ReadmeTables.Update(readme);
                Console.WriteLine(changed.Count == 0 ? $"{readme} is up to date." : $"Rewrote {string.Join(" and ", changed)} in {readme}.");
                return ExitCodes.Passed;
            }
            var checks = Explore();
            if (result.GetValue(format) == "markdown")
                Console.Write(ReadmeTables.ChecksMarkdown());
            else if (result.GetValue(format) == "json")
                Console.WriteLine(JsonSerializer.Serialize(checks, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            else
                foreach (var c in checks) Console.WriteLine($"{c.Id,-9} {c.Group,-16} {c.Title}  [{c.SpecSection}]");
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <param name="Inferno">Inferno SMART App Launch test ids covering the same requirements.</param>
    public sealed record CheckInfo(string Id, string Title, string Group, string SpecSection, string SpecUrl, IReadOnlyList<string> Requirements, IReadOnlyList<string> Inferno);

    /// <param name="filter">Only the checks this filter selects (a parsed --filter); all when null.</param>
    public static IReadOnlyList<CheckInfo> Explore(ITestFilter? filter = null)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(typeof(SuiteSetup).Assembly, new Dictionary<string, object>());
        var found = new List<CheckInfo>();
        Walk(runner.ExploreTests(filter ?? TestFilter.Empty), found);
        return found.OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    private static void Walk(ITest test, List<CheckInfo> found)
    {
        if (!test.IsSuite && test.Properties.Get(CheckProperties.Id) is string id)
            found.Add(new CheckInfo(id, (string)test.Properties.Get(CheckProperties.Title)!, CheckOutcome.FindGroup(test) ?? "Other",
                (string)test.Properties.Get(CheckProperties.SpecSection)!, (string)test.Properties.Get(CheckProperties.SpecUrl)!,
                test.Properties[CheckProperties.Requirement].OfType<string>().ToList(),
                InfernoTrace.For(test.Properties[CheckProperties.Requirement].OfType<string>())));
        foreach (var child in test.Tests) Walk(child, found);
    }
}
