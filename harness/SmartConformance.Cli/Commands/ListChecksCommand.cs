using System.CommandLine;
using System.Text.Json;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using SmartConformance.Cli.Running;
using SmartConformance.Tests;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Commands;

public static class ListChecksCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("list-checks", "List every check: id, title, group and spec clause, without running anything.") { format };
        command.SetAction(result =>
        {
            var checks = Explore();
            if (result.GetValue(format) == "json")
                Console.WriteLine(JsonSerializer.Serialize(checks, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            else
                foreach (var c in checks) Console.WriteLine($"{c.Id,-9} {c.Group,-16} {c.Title}  [{c.SpecSection}]");
            return ExitCodes.Passed;
        });
        return command;
    }

    public sealed record CheckInfo(string Id, string Title, string Group, string SpecSection, string SpecUrl, IReadOnlyList<string> Requirements);

    public static IReadOnlyList<CheckInfo> Explore()
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(typeof(SuiteSetup).Assembly, new Dictionary<string, object>());
        var found = new List<CheckInfo>();
        Walk(runner.ExploreTests(TestFilter.Empty), found);
        return found.OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    private static void Walk(ITest test, List<CheckInfo> found)
    {
        if (!test.IsSuite && test.Properties.Get(CheckProperties.Id) is string id)
            found.Add(new CheckInfo(id, (string)test.Properties.Get(CheckProperties.Title)!, CheckOutcome.FindGroup(test) ?? "Other",
                (string)test.Properties.Get(CheckProperties.SpecSection)!, (string)test.Properties.Get(CheckProperties.SpecUrl)!,
                test.Properties[CheckProperties.Requirement].OfType<string>().ToList()));
        foreach (var child in test.Tests) Walk(child, found);
    }
}
