using System.Globalization;
using System.Text;
using SmartConformance.Reports.Model;
using SmartConformance.Reports.Text;

namespace SmartConformance.Reports.Html;

/// <summary>The comparison with a baseline run, shown above everything else: new failures first.</summary>
internal static class BaselineHtml
{
    public static void Append(StringBuilder html, BaselineComparison? baseline)
    {
        if (baseline is null)
            return;
        html.Append("<section class=\"card baseline\" id=\"sc-baseline\" aria-label=\"Compared with the baseline\">\n<h2>Compared with the baseline</h2>\n")
            .Append("<p class=\"baseline-source\"><span class=\"mono\">").AppendEscaped(baseline.Path).Append("</span> · run started ")
            .AppendEscaped(TextFormat.Timestamp(baseline.StartedAt));
        if (!string.IsNullOrWhiteSpace(baseline.SuiteVersion))
            html.Append(" · suite ").AppendEscaped(baseline.SuiteVersion);
        html.Append("</p>\n<div class=\"baseline-lists\">\n");
        List(html, "new", "New failures", "fail now, did not fail in the baseline", baseline.NewFailures);
        List(html, "fixed", "Fixed", "failed in the baseline, pass now", baseline.Fixed);
        List(html, "same", "Unchanged failures", "failed in the baseline and still fail", baseline.UnchangedFailures);
        html.Append("</div>\n</section>\n");
    }

    private static void List(StringBuilder html, string css, string title, string meaning, IReadOnlyList<BaselineChange> changes)
    {
        html.Append("<div class=\"baseline-list ").Append(css).Append("\" data-baseline=\"").Append(css).Append("\"><h3>").Append(title)
            .Append(" <b class=\"n\">").Append(changes.Count.ToString(CultureInfo.InvariantCulture)).Append("</b></h3><p class=\"meaning\">")
            .Append(meaning).Append("</p>");
        if (changes.Count == 0)
        {
            html.Append("<p class=\"none\">None.</p></div>\n");
            return;
        }
        html.Append("<ul>");
        foreach (var change in changes)
        {
            html.Append("<li><a class=\"check-id\" href=\"#").AppendEscaped(Uri.EscapeDataString(change.Id)).Append("\">").AppendEscaped(change.Id)
                .Append("</a> ").AppendEscaped(change.Title).Append(" <span class=\"was\">")
                .AppendEscaped(change.BaselineVerdict is null ? "not in the baseline" : VerdictStyle.Label(change.BaselineVerdict))
                .Append(" → ").AppendEscaped(VerdictStyle.Label(change.Verdict)).Append("</span></li>");
        }
        html.Append("</ul></div>\n");
    }
}
