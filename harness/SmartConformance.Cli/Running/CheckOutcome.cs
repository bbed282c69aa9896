using NUnit.Framework.Interfaces;
using SmartConformance.Reports.Model;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Running;

/// <summary>One finished check as NUnit reported it, with the identity its attributes gave it.</summary>
public sealed record CheckOutcome(string TestId, string Id, string Title, string Group, string SpecSection, string SpecUrl,
    IReadOnlyList<string> Requirements, string Verdict, string Message, TimeSpan Duration)
{
    public static CheckOutcome? From(ITestResult result) =>
        Of(result.Test, VerdictOf(result), MessageOf(result), TimeSpan.FromSeconds(result.Duration));

    /// <summary>An outcome the suite decides itself (a check the run never got to), or null when the test is not a check.</summary>
    public static CheckOutcome? Of(ITest test, string verdict, string message, TimeSpan duration)
    {
        if (test.IsSuite || test.Properties.Get(CheckProperties.Id) is not string id) return null;
        var group = FindGroup(test) ?? "Other";
        var requirements = test.Properties[CheckProperties.Requirement].OfType<string>().ToList();
        return new CheckOutcome(test.Id, id, (string)test.Properties.Get(CheckProperties.Title)!, group,
            (string)test.Properties.Get(CheckProperties.SpecSection)!, (string)test.Properties.Get(CheckProperties.SpecUrl)!,
            requirements, verdict, message, duration);
    }

    public static string? FindGroup(ITest test)
    {
        for (var node = test; node is not null; node = node.Parent)
            if (node.Properties.Get(CheckProperties.Group) is string group) return group;
        return null;
    }

    private static string VerdictOf(ITestResult result) => result.ResultState.Status switch
    {
        TestStatus.Passed => Verdicts.Pass,
        TestStatus.Warning => Verdicts.Warn,
        TestStatus.Skipped or TestStatus.Inconclusive => Verdicts.Skip,
        TestStatus.Failed when result.ResultState.Label is "Error" or "Invalid" or "Cancelled"
                               || result.ResultState.Site is FailureSite.SetUp or FailureSite.TearDown or FailureSite.Parent => Verdicts.Error,
        TestStatus.Failed => Verdicts.Fail,
        _ => Verdicts.Error,
    };

    private static string MessageOf(ITestResult result)
    {
        var message = (result.Message ?? "").Trim();
        // NUnit prefixes unexpected exceptions with their type name; the harness's own ones speak for themselves.
        message = System.Text.RegularExpressions.Regex.Replace(message, @"^(OneTimeSetUp: )?SmartConformance\.Tests\.Framework\.HarnessException : ", "$1");
        if (result.ResultState.Label is "Error" && !message.StartsWith("The ", StringComparison.Ordinal) && result.StackTrace is { Length: > 0 } stack)
            message += Environment.NewLine + "The suite hit an unexpected error; this is a SmartConformance bug or an unusual server response. Stack:" + Environment.NewLine + FirstFrames(stack);
        return message.Length == 0 && result.ResultState.Status == TestStatus.Passed ? "Passed." : message;
    }

    private static string FirstFrames(string stack) => string.Join(Environment.NewLine, stack.Split('\n').Take(6).Select(l => l.TrimEnd()));
}
