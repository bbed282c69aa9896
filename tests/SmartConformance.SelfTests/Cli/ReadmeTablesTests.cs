using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Commands;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Requirements;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Cli;

/// <summary>The README's tables are generated from code; Inferno test ids trace to checks through requirements.</summary>
public sealed class ReadmeTablesTests
{
    [Test]
    public void The_README_tables_match_the_code()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        ReadmeTables.Stale(readme).Should().BeEmpty(
            $"README.md's generated tables must match the checks, faults and requirement list; regenerate them with `{ReadmeTables.RegenerateCommand}`");
    }

    [Test]
    public void Update_rewrites_only_the_marked_sections()
    {
        var path = Path.Combine(RepoPaths.NewTempDirectory("readme"), "README.md");
        File.WriteAllText(path, "# Title\n\n<!-- checks-table:start -->\nold\n<!-- checks-table:end -->\n\nprose\n\n<!-- coverage-table:start -->\n<!-- coverage-table:end -->\n");

        ReadmeTables.Update(path).Should().BeEquivalentTo([ReadmeTables.ChecksSection, ReadmeTables.CoverageSection]);

        var text = File.ReadAllText(path);
        text.Should().StartWith("# Title\n\n<!-- checks-table:start -->\n").And.Contain("\nprose\n").And.NotContain("\nold\n");
        ReadmeTables.Stale(text).Should().BeEmpty();
        ReadmeTables.Update(path).Should().BeEmpty("a second update changes nothing");
    }

    [Test]
    public void The_checks_table_names_each_checks_Inferno_tests_and_faults()
    {
        var table = ReadmeTables.ChecksMarkdown();
        var tok02 = table.Split('\n').Single(l => l.StartsWith("| TOK-02 |", StringComparison.Ordinal));
        tok02.Should().Contain("`token.omit-no-store`");
        var check = ListChecksCommand.Explore().Single(c => c.Id == "TOK-02");
        check.Inferno.Should().NotBeEmpty("TOK-02's requirements are linked to Inferno tests");
        tok02.Should().Contain(string.Join(", ", check.Inferno));
    }

    [Test]
    public void An_Inferno_test_id_in_the_filter_selects_the_checks_that_cover_it()
    {
        var checks = ListChecksCommand.Explore();
        var test = checks.SelectMany(c => c.Inferno).First();
        var covering = checks.Where(c => c.Inferno.Contains(test)).Select(c => c.Id).ToHashSet();
        var filter = CheckFilter.Parse(test);

        var selected = ListChecksCommand.Explore(filter).Select(c => c.Id);
        selected.Should().BeEquivalentTo(covering);
        InfernoTrace.IsTestId("1.2.08").Should().BeTrue();
        InfernoTrace.IsTestId("DISC-01").Should().BeFalse();
    }
}
