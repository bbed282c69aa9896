using System.Globalization;
using System.Text;
using SmartConformance.Reports.Html;
using SmartConformance.Reports.Model;
using SmartConformance.Reports.Text;

namespace SmartConformance.Reports;

/// <summary>
/// Writes report.html: one self-contained page (inline style and script, no external resource) that a vendor can
/// hand to a customer. Every recorded value is escaped; the page's Content-Security-Policy lets only its own script run.
/// </summary>
public static class HtmlReportWriter
{
    public const string FileName = "report.html";

    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = report.Checks
            .GroupBy(c => TextFormat.GroupName(c.Group))
            .Select((g, i) => new Group(g.Key, "sc-group-" + (i + 1).ToString(CultureInfo.InvariantCulture), g.ToList()))
            .ToList();

        var html = new StringBuilder(64 * 1024);
        Head(html, report);
        html.Append("<body>\n");
        Top(html, report);
        html.Append("<main class=\"wrap\">\n");
        Notices(html, report.Notices);
        BaselineHtml.Append(html, report.Baseline);
        Overview(html, report, groups);
        Toolbar(html, groups, report.Checks.Count);
        foreach (var group in groups)
            GroupSection(html, group);
        html.Append(report.Checks.Count == 0
            ? "<p class=\"card empty\">No checks were run.</p>\n"
            : "<p class=\"card empty\" id=\"sc-empty\" hidden>No check matches the filters.</p>\n");
        RequirementsHtml.Append(html, report.Requirements, report.Checks);
        html.Append("</main>\n");
        Footer(html, report);
        html.Append("<script>").Append(HtmlAssets.Js).Append("</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes report.html to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    public static void Write(RunReport report, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, Render(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private sealed record Group(string Name, string Anchor, IReadOnlyList<CheckReport> Checks);

    private static void Head(StringBuilder html, RunReport report)
    {
        // Only the page's own script may run; images may come from the report folder only; nothing else loads.
        var policy = $"default-src 'none'; script-src {HtmlAssets.ScriptHashSource}; style-src 'unsafe-inline'; img-src 'self' file: data:; base-uri 'none'; form-action 'none'";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(policy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"generator\" content=\"").AppendEscaped($"{report.Suite.Name} {report.Suite.Version}").Append("\">\n")
            .Append("<title>SmartConformance report — ").AppendEscaped(report.Target.Profile).Append(" — ")
            .AppendEscaped(report.Target.FhirBaseUrl).Append("</title>\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<style>").Append(HtmlAssets.Css).Append("</style>\n</head>\n");
    }

    private static void Top(StringBuilder html, RunReport report)
    {
        var summary = RunSummary.Of(report.Checks);
        var problems = report.Checks.Count - summary.Passed - summary.Warnings - summary.Skipped;
        html.Append("<header class=\"top\"><div class=\"wrap\">\n<div class=\"title-row\"><h1>SmartConformance report</h1>");
        if (report.Checks.Count > 0)
        {
            html.Append(problems == 0
                ? "<span class=\"outcome ok\">No failures</span>"
                : $"<span class=\"outcome bad\">{problems.ToString(CultureInfo.InvariantCulture)} {(problems == 1 ? "check" : "checks")} did not pass</span>");
        }
        html.Append("</div>\n<dl class=\"meta\">\n");
        Meta(html, "FHIR base", $"<span class=\"mono\">{HtmlText.Escape(report.Target.FhirBaseUrl)}</span>");
        Meta(html, "Profile", HtmlText.Escape(report.Target.Profile));
        Meta(html, "Started", $"<time datetime=\"{report.StartedAt.ToString("o", CultureInfo.InvariantCulture)}\">{HtmlText.Escape(TextFormat.Timestamp(report.StartedAt))}</time>");
        Meta(html, "Duration", HtmlText.Escape(TextFormat.Duration(report.DurationMs)));
        if (report.Target.Faults.Count > 0)
            Meta(html, "Faults", string.Concat(report.Target.Faults.Select(f => $"<span class=\"chip fault\">{HtmlText.Escape(f)}</span>")));
        Meta(html, "Suite", HtmlText.Escape($"{report.Suite.Name} {report.Suite.Version}"));
        if (report.Requirements is { Rows.Count: > 0 } requirements)
            Meta(html, "Requirements", $"<a href=\"#{RequirementsHtml.Anchor}\">{requirements.Coverage.Tested.ToString(CultureInfo.InvariantCulture)} of {requirements.Coverage.Total.ToString(CultureInfo.InvariantCulture)} tested</a>");
        if (report.Artifacts.Count > 0)
            Meta(html, "Run files", ArtifactHtml.Links(report.Artifacts));
        html.Append("</dl>\n</div></header>\n");
    }

    private static void Meta(StringBuilder html, string term, string definitionHtml) =>
        html.Append("<dt>").Append(term).Append("</dt><dd>").Append(definitionHtml).Append("</dd>\n");

    private static void Notices(StringBuilder html, IReadOnlyList<string> notices)
    {
        if (notices.Count == 0)
            return;
        html.Append("<section class=\"card notices\" role=\"note\"><h2>Notices</h2><ul>\n");
        foreach (var notice in notices)
            html.Append("<li>").AppendEscaped(notice).Append("</li>\n");
        html.Append("</ul></section>\n");
    }

    private static void Overview(StringBuilder html, RunReport report, IReadOnlyList<Group> groups)
    {
        var summary = RunSummary.Of(report.Checks);
        html.Append("<section class=\"overview\">\n<div class=\"card tiles\" aria-label=\"Checks per verdict\">\n");
        Tile(html, "all", report.Checks.Count, "Checks");
        Tile(html, Verdicts.Pass, summary.Passed, "Passed");
        Tile(html, Verdicts.Fail, summary.Failed, "Failed");
        Tile(html, Verdicts.Error, summary.Errors, "Errors");
        Tile(html, Verdicts.Warn, summary.Warnings, "Warnings");
        Tile(html, Verdicts.Skip, summary.Skipped, "Skipped");
        html.Append("</div>\n<div class=\"card rates\"><h2>Pass rate by group</h2>\n");
        foreach (var group in groups)
            RateRow(html, group);
        if (groups.Count == 0)
            html.Append("<p class=\"none\">No checks.</p>\n");
        html.Append("</div>\n</section>\n");
    }

    private static void Tile(StringBuilder html, string verdict, int count, string label)
    {
        var filter = verdict == "all" ? string.Empty : verdict;
        html.Append("<button type=\"button\" class=\"tile v-").Append(verdict).Append("\" data-verdict-filter=\"").Append(filter)
            .Append("\" title=\"Show ").Append(verdict == "all" ? "all checks" : label.ToLowerInvariant()).Append("\"><b>")
            .Append(count.ToString(CultureInfo.InvariantCulture)).Append("</b><span>").Append(label).Append("</span></button>\n");
    }

    /// <summary>A stacked bar per group. The pass rate counts warnings as passed and leaves skipped checks out.</summary>
    private static void RateRow(StringBuilder html, Group group)
    {
        var s = RunSummary.Of(group.Checks);
        var total = group.Checks.Count;
        var ran = total - s.Skipped;
        var passed = s.Passed + s.Warnings;
        var rate = ran == 0 ? "all skipped" : $"{passed}/{ran} passed ({Math.Floor(100.0 * passed / ran).ToString(CultureInfo.InvariantCulture)}%)";

        html.Append("<div class=\"rate\"><a href=\"#").AppendEscaped(group.Anchor).Append("\">").AppendEscaped(group.Name).Append("</a>");
        html.Append("<div class=\"bar\" role=\"img\" aria-label=\"").AppendEscaped(BarLabel(s)).Append("\">");
        Segment(html, "pass", s.Passed, total);
        Segment(html, "warn", s.Warnings, total);
        Segment(html, "fail", s.Failed, total);
        Segment(html, "error", total - s.Passed - s.Warnings - s.Failed - s.Skipped, total);
        Segment(html, "skip", s.Skipped, total);
        html.Append("</div><span class=\"n\">").Append(HtmlText.Escape(rate)).Append("</span></div>\n");
    }

    private static string BarLabel(RunSummary s) =>
        $"{s.Passed} passed, {s.Warnings} warnings, {s.Failed} failed, {s.Errors} errors, {s.Skipped} skipped";

    /// <summary>"2 passed · 1 failed": only the verdicts that occur.</summary>
    private static string NonZeroCounts(RunSummary s)
    {
        var parts = new List<string>();
        void Add(int n, string one, string many)
        {
            if (n > 0)
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many));
        }
        Add(s.Passed, "passed", "passed");
        Add(s.Warnings, "warning", "warnings");
        Add(s.Failed, "failed", "failed");
        Add(s.Errors, "error", "errors");
        Add(s.Skipped, "skipped", "skipped");
        return string.Join(" · ", parts);
    }

    private static void Segment(StringBuilder html, string verdict, int count, int total)
    {
        if (count <= 0 || total <= 0)
            return;
        var width = (100.0 * count / total).ToString("0.###", CultureInfo.InvariantCulture);
        html.Append("<i class=\"").Append(verdict).Append("\" style=\"width:").Append(width).Append("%\" title=\"")
            .Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(verdict).Append("\"></i>");
    }

    private static void Toolbar(StringBuilder html, IReadOnlyList<Group> groups, int checkCount)
    {
        if (checkCount == 0)
            return;
        html.Append("<nav class=\"card toolbar\" aria-label=\"Filter checks\">\n<div class=\"filters\" role=\"group\" aria-label=\"Verdict\">");
        html.Append("<button type=\"button\" data-verdict-filter=\"\" aria-pressed=\"true\">All</button>");
        foreach (var verdict in new[] { Verdicts.Fail, Verdicts.Error, Verdicts.Warn, Verdicts.Pass, Verdicts.Skip })
        {
            html.Append("<button type=\"button\" data-verdict-filter=\"").Append(verdict).Append("\" aria-pressed=\"false\">")
                .Append(VerdictStyle.Label(verdict)).Append("</button>");
        }
        html.Append("</div>\n<select id=\"sc-group-filter\" aria-label=\"Group\"><option value=\"\">All groups</option>");
        foreach (var group in groups)
            html.Append("<option value=\"").AppendEscaped(group.Name).Append("\">").AppendEscaped(group.Name).Append("</option>");
        html.Append("</select>\n<input id=\"sc-search\" type=\"search\" placeholder=\"Search id or title  ( / )\" aria-label=\"Search checks by id or title\" autocomplete=\"off\">\n");
        html.Append("<span class=\"count\" id=\"sc-count\" aria-live=\"polite\"></span>\n</nav>\n");
    }

    private static void GroupSection(StringBuilder html, Group group)
    {
        var s = RunSummary.Of(group.Checks);
        html.Append("<section class=\"group\" id=\"").AppendEscaped(group.Anchor).Append("\" data-group=\"").AppendEscaped(group.Name).Append("\">\n");
        html.Append("<h2>").AppendEscaped(group.Name).Append(" <small>").Append(HtmlText.Escape(NonZeroCounts(s))).Append("</small></h2>\n");
        foreach (var check in group.Checks)
            CheckHtml.Append(html, check, group.Name);
        html.Append("</section>\n");
    }

    private static void Footer(StringBuilder html, RunReport report)
    {
        html.Append("<footer class=\"wrap\">Generated by ").AppendEscaped($"{report.Suite.Name} {report.Suite.Version}")
            .Append(" · schema version ").Append(report.SchemaVersion.ToString(CultureInfo.InvariantCulture))
            .Append(" · machine-readable results beside this file: <a href=\"").Append(JsonReportWriter.FileName).Append("\">")
            .Append(JsonReportWriter.FileName).Append("</a>, <a href=\"").Append(JUnitReportWriter.FileName).Append("\">")
            .Append(JUnitReportWriter.FileName).Append("</a></footer>\n");
    }
}
