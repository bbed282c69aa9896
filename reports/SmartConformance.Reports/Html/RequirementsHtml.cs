using System.Globalization;
using System.Text;
using SmartConformance.Reports.Model;

namespace SmartConformance.Reports.Html;

/// <summary>
/// The requirements view: every HL7 SMART App Launch requirement, grouped by rolled-up verdict in collapsible
/// sections (failures open), with its level, summary, spec link, the checks that test it and their verdicts, or why
/// it is not tested. Plain HTML (details/summary): it needs no script.
/// </summary>
internal static class RequirementsHtml
{
    public const string Anchor = "requirements";

    private static readonly string[] Order =
    [
        RequirementVerdictNames.Fail, RequirementVerdictNames.Error, RequirementVerdictNames.Warn, RequirementVerdictNames.Pass,
        RequirementVerdictNames.Skip, RequirementVerdictNames.NotTested,
    ];

    public static void Append(StringBuilder html, RequirementsReport? requirements, IReadOnlyList<CheckReport> checks)
    {
        if (requirements is null || requirements.Rows.Count == 0)
            return;
        var verdicts = checks.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Verdict, StringComparer.Ordinal);
        var c = requirements.Coverage;
        html.Append("<section class=\"card requirements\" id=\"").Append(Anchor).Append("\">\n<h2>Requirements <small>")
            .AppendEscaped($"{requirements.Source}: {c.Tested} of {c.Total} tested by a check, {c.Explained} explained (Inferno links {c.InfernoTested})")
            .Append("</small></h2>\n");
        var byVerdict = requirements.Rows.GroupBy(r => r.Verdict).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var verdict in Order.Concat(byVerdict.Keys.Except(Order).Order(StringComparer.Ordinal)))
        {
            if (!byVerdict.TryGetValue(verdict, out var rows))
                continue;
            var open = verdict is RequirementVerdictNames.Fail or RequirementVerdictNames.Error;
            html.Append("<details class=\"req-group\" data-requirement-verdict=\"").AppendEscaped(verdict).Append('"').Append(open ? " open" : "")
                .Append("><summary><span class=\"badge ").Append(Css(verdict)).Append("\">").AppendEscaped(Label(verdict)).Append("</span> ")
                .Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(rows.Count == 1 ? " requirement" : " requirements").Append("</summary>\n");
            html.Append("<table class=\"req\"><thead><tr><th>Requirement</th><th>Level</th><th>What it requires</th><th>Checks</th><th>Verdict</th></tr></thead><tbody>\n");
            foreach (var row in rows)
                Row(html, row, verdicts);
            html.Append("</tbody></table></details>\n");
        }
        html.Append("</section>\n");
    }

    private static void Row(StringBuilder html, RequirementReport row, IReadOnlyDictionary<string, string> verdicts)
    {
        html.Append("<tr id=\"req-").AppendEscaped(Number(row.Id)).Append("\"><td class=\"mono\"><a href=\"").AppendEscaped(row.Url)
            .Append("\" rel=\"noopener noreferrer\">").AppendEscaped(row.Id).Append("</a></td><td>").AppendEscaped(row.Level).Append("</td><td>")
            .AppendEscaped(row.Summary);
        if (row.Condition is { Length: > 0 } condition)
            html.Append("<br><small>applies when: ").AppendEscaped(condition).Append("</small>");
        html.Append("</td><td>");
        foreach (var check in row.Checks)
        {
            var verdict = verdicts.GetValueOrDefault(check);
            html.Append("<a class=\"chip ").Append(verdict is null ? "" : VerdictStyle.CssClass(verdict)).Append("\" href=\"#")
                .AppendEscaped(Uri.EscapeDataString(check)).Append("\" title=\"").AppendEscaped(verdict is null ? "not run" : VerdictStyle.Label(verdict)).Append("\">")
                .AppendEscaped(check).Append(verdict is null ? " (not run)" : $" {VerdictStyle.Label(verdict).ToLowerInvariant()}").Append("</a>");
        }
        if (row.Checks.Count == 0 && row.NotTested is { } reason)
        {
            html.Append("<span class=\"chip\">").AppendEscaped(reason).Append("</span>");
            if (row.PlannedChecks.Count > 0)
                html.Append("<small>planned: ").AppendEscaped(string.Join(", ", row.PlannedChecks)).Append("</small>");
        }
        html.Append("</td><td><span class=\"badge ").Append(Css(row.Verdict)).Append("\">").AppendEscaped(Label(row.Verdict)).Append("</span>");
        if (!string.IsNullOrWhiteSpace(row.Reason))
            html.Append("<br><small>").AppendEscaped(row.Reason).Append("</small>");
        html.Append("</td></tr>\n");
    }

    private static string Number(string id) => id[(id.LastIndexOf('@') + 1)..];

    private static string Label(string verdict) => verdict == RequirementVerdictNames.NotTested ? "Not tested" : VerdictStyle.Label(verdict);

    private static string Css(string verdict) => verdict == RequirementVerdictNames.NotTested ? "v-other" : VerdictStyle.CssClass(verdict);
}
