using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SmartConformance.Reports.JUnit;
using SmartConformance.Reports.Model;
using SmartConformance.Reports.Text;

namespace SmartConformance.Reports;

/// <summary>
/// Writes junit.xml in the common JUnit dialect that GitHub Actions reporters, GitLab and Azure DevOps read:
/// one testsuite per check group, one testcase per check. A warning passes and carries its text in system-out.
/// </summary>
public static class JUnitReportWriter
{
    public const string FileName = "junit.xml";

    /// <summary>How many exchanges a failure lists before it says how many more there are.</summary>
    private const int MaxExchangesListed = 20;

    public static XDocument Build(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var timestamp = report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        var suites = report.Checks
            .GroupBy(c => TextFormat.GroupName(c.Group))
            .Select(g => Suite(g.Key, g.ToList(), report, timestamp));

        var all = RunSummary.Of(report.Checks);
        var root = new XElement("testsuites",
            Attr("name", report.Suite.Name),
            Counts(report.Checks.Count, all),
            new XAttribute("time", TextFormat.Seconds(report.DurationMs)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>The document as UTF-8 text.</summary>
    public static string Render(RunReport report) => Encoding.UTF8.GetString(ToBytes(report));

    /// <summary>Writes junit.xml to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    public static void Write(RunReport report, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, ToBytes(report));
    }

    private static byte[] ToBytes(RunReport report)
    {
        var document = Build(report);
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using (var writer = XmlWriter.Create(stream, settings))
            document.Save(writer);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static XElement Suite(string group, IReadOnlyList<CheckReport> checks, RunReport report, string timestamp)
    {
        var properties = new XElement("properties",
            Property("fhirBaseUrl", report.Target.FhirBaseUrl),
            Property("profile", report.Target.Profile),
            Property("suiteVersion", report.Suite.Version),
            report.Target.Faults.Count > 0 ? Property("faults", string.Join(", ", report.Target.Faults)) : null);

        return new XElement("testsuite",
            Attr("name", group),
            Counts(checks.Count, RunSummary.Of(checks)),
            new XAttribute("time", TextFormat.Seconds(checks.Sum(c => c.DurationMs))),
            new XAttribute("timestamp", timestamp),
            properties,
            checks.Select(c => TestCase(c, group)));
    }

    private static XElement TestCase(CheckReport check, string group)
    {
        var properties = new XElement("properties",
            Property("checkId", check.Id),
            Property("verdict", check.Verdict),
            Property("specSection", check.Spec.Section),
            Property("specUrl", check.Spec.Url),
            check.Requirements.Count > 0 ? Property("requirements", string.Join(", ", check.Requirements)) : null);

        var testCase = new XElement("testcase",
            Attr("name", $"{check.Id} {check.Title}".Trim()),
            Attr("classname", group),
            new XAttribute("time", TextFormat.Seconds(check.DurationMs)),
            properties);

        switch (check.Verdict)
        {
            case Verdicts.Pass:
                break;
            case Verdicts.Warn:
                testCase.Add(new XElement("system-out", XmlSafeText.Clean("WARNING: " + Details(check))));
                break;
            case Verdicts.Skip:
                testCase.Add(new XElement("skipped", Attr("message", check.Message.Trim())));
                break;
            case Verdicts.Fail:
                testCase.Add(Problem("failure", "fail", check.Message, check));
                break;
            case Verdicts.Error:
                testCase.Add(Problem("error", "error", check.Message, check));
                break;
            default:
                testCase.Add(Problem("error", "unknown-verdict", $"Unknown verdict '{check.Verdict}'. {check.Message}", check));
                break;
        }
        return testCase;
    }

    private static XElement Problem(string element, string type, string message, CheckReport check) =>
        new(element,
            Attr("message", TextFormat.FirstLine(message)),
            new XAttribute("type", type),
            XmlSafeText.Clean(Details(check)));

    /// <summary>The full message, then the spec reference, the requirements and the exchanges behind the verdict.</summary>
    private static string Details(CheckReport check)
    {
        var text = new StringBuilder();
        text.Append(check.Message.TrimEnd()).Append("\n\n");
        text.Append("Spec: ").Append(check.Spec.Section).Append(" — ").Append(check.Spec.Url).Append('\n');
        if (check.Requirements.Count > 0)
            text.Append("Requirements: ").Append(string.Join(", ", check.Requirements)).Append('\n');
        if (check.Exchanges.Count > 0)
        {
            text.Append("Exchanges:\n");
            foreach (var exchange in check.Exchanges.Take(MaxExchangesListed))
                text.Append("  ").Append(TextFormat.ExchangeLine(exchange)).Append('\n');
            if (check.Exchanges.Count > MaxExchangesListed)
                text.Append("  … and ").Append(check.Exchanges.Count - MaxExchangesListed).Append(" more (see report.html)\n");
        }
        return text.ToString();
    }

    private static IEnumerable<XAttribute> Counts(int tests, RunSummary summary) =>
    [
        new("tests", tests),
        new("failures", summary.Failed),
        // A check with an unknown verdict is reported as an error, so count it as one.
        new("errors", tests - summary.Total + summary.Errors),
        new("skipped", summary.Skipped),
    ];

    private static XElement Property(string name, string? value) =>
        new("property", new XAttribute("name", name), Attr("value", value));

    private static XAttribute Attr(string name, string? value) => new(name, XmlSafeText.Clean(value));
}
