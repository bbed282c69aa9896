using System.CommandLine;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Commands;
using SmartConformance.Cli.Running;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.EndToEnd;

/// <summary>
/// run.ps1 is a thin wrapper over `run`. PowerShell is not installed here, so its param block and the way it maps each
/// parameter onto a `run` option are read as text: a renamed parameter or option breaks this test, not a user's CI.
/// </summary>
public sealed class RunScriptTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RepoPaths.Root, "run.ps1"));

    private static readonly Dictionary<string, string> Documented = new()
    {
        ["Profile"] = "--profile",
        ["Filter"] = "--filter",
        ["ReportDir"] = "--report-dir",
        ["Headed"] = "--headed",
        ["Baseline"] = "--baseline",
        ["FailOn"] = "--fail-on",
        ["Trace"] = "--trace",
        ["Fault"] = "--fault",
    };

    private sealed record Parameter(string Name, string Type);

    private static IReadOnlyList<Parameter> Parameters()
    {
        var block = Regex.Match(Script, @"\bparam\s*\((?<body>.*?)\n\)", RegexOptions.Singleline).Groups["body"].Value;
        return Regex.Matches(block, @"\[(?<type>string\[\]|string|switch)\]\s*\$(?<name>\w+)")
            .Select(m => new Parameter(m.Groups["name"].Value, m.Groups["type"].Value)).ToList();
    }

    /// <summary>Each "--option" the script passes, with the PowerShell variable it is built from.</summary>
    private static Dictionary<string, string> Mapping()
    {
        var mapping = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(Script, "\"(?<option>--[a-z-]+)\",\\s*\\$(?<variable>\\w+)"))
            mapping[m.Groups["variable"].Value] = m.Groups["option"].Value;
        foreach (Match m in Regex.Matches(Script, "if \\(\\$(?<variable>\\w+)\\)\\s*\\{\\s*\\$arguments \\+= \"(?<option>--[a-z-]+)\"\\s*\\}"))
            mapping[m.Groups["variable"].Value] = m.Groups["option"].Value;
        foreach (Match m in Regex.Matches(Script, "foreach \\(\\$(?<item>\\w+) in \\$(?<variable>\\w+)\\)\\s*\\{\\s*\\$arguments \\+= @\\(\"(?<option>--[a-z-]+)\",\\s*\\$\\k<item>\\)"))
        {
            mapping.Remove(m.Groups["item"].Value);
            mapping[m.Groups["variable"].Value] = m.Groups["option"].Value;
        }
        return mapping;
    }

    [Test]
    public void The_documented_parameters_exist_and_map_onto_the_same_run_options()
    {
        var parameters = Parameters().Select(p => p.Name).ToList();
        parameters.Should().Contain(Documented.Keys);

        var mapping = Mapping();
        foreach (var (parameter, option) in Documented)
            mapping.Should().Contain(parameter, option, $"-{parameter} is passed to `run` as {option}");
        mapping.Keys.Should().BeEquivalentTo(parameters, "every parameter is passed on, and nothing else");
    }

    [Test]
    public void Every_option_the_script_passes_exists_on_run_with_the_right_arity()
    {
        var run = RunCommand.Create();
        var options = run.Options.ToDictionary(o => o.Name);
        var parameters = Parameters().ToDictionary(p => p.Name);

        foreach (var (variable, option) in Mapping())
        {
            options.Should().ContainKey(option, $"run.ps1 passes {option}");
            var isFlag = options[option].ValueType == typeof(bool);
            (parameters[variable].Type == "switch").Should().Be(isFlag, $"-{variable} is a switch exactly when {option} is a flag");
        }
        Regex.IsMatch(Script, "\"--\", \"run\"").Should().BeTrue("the wrapper runs the `run` command");
        Regex.Match(Script, "\"\\$PSScriptRoot/(?<project>[^\"]+)\"").Groups["project"].Value.Should().Be("harness/SmartConformance.Cli");
        Directory.Exists(Path.Combine(RepoPaths.Root, "harness", "SmartConformance.Cli")).Should().BeTrue();
    }

    [Test]
    public void FailOn_accepts_exactly_the_values_run_accepts()
    {
        var set = Regex.Match(Script, "\\[ValidateSet\\((?<values>[^)]*)\\)\\]\\[string\\]\\$FailOn").Groups["values"].Value;
        Regex.Matches(set, "\"(\\w+)\"").Select(m => m.Groups[1].Value)
            .Should().BeEquivalentTo(Enum.GetNames<FailOn>().Select(n => n.ToLowerInvariant()));
    }

    [Test]
    public void The_defaults_match_the_run_command()
    {
        Regex.IsMatch(Script, "\\[string\\]\\$ReportDir = \"reports/latest\"").Should().BeTrue();
        Regex.IsMatch(Script, "\\[string\\]\\$Profile = \"profiles/reference.json\"").Should().BeTrue();
        var run = RunCommand.Create();
        run.Parse("run").GetValue<string>("--report-dir")!.Replace('\\', '/').Should().Be("reports/latest");
    }
}
