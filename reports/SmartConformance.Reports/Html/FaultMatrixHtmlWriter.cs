using System.Globalization;
using System.Text;
using SmartConformance.Reports.Html;
using SmartConformance.Reports.Model;

namespace SmartConformance.Reports;

/// <summary>
/// Writes fault-matrix.html: the self-tests' proof that every check can fail, as one self-contained page in the style
/// of report.html. Each row is a fault, the checks it must make fail, those that did, and whether they match exactly.
/// </summary>
public static class FaultMatrixHtmlWriter
{
    public const string FileName = "fault-matrix.html";

    public static string Render(IReadOnlyList<FaultMatrixRow> rows, DateTimeOffset writtenAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var caught = rows.Count(r => r.Caught);
        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n")
            .Append("<title>SmartConformance fault matrix</title>\n<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<style>").Append(HtmlAssets.Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"top\"><div class=\"wrap\">\n<div class=\"title-row\"><h1>Fault matrix</h1>")
            .Append(caught == rows.Count
                ? "<span class=\"outcome ok\">Every fault caught exactly</span>"
                : $"<span class=\"outcome bad\">{(rows.Count - caught).ToString(CultureInfo.InvariantCulture)} of {rows.Count.ToString(CultureInfo.InvariantCulture)} not caught exactly</span>")
            .Append("</div>\n<dl class=\"meta\"><dt>Runs</dt><dd>").Append(rows.Count.ToString(CultureInfo.InvariantCulture))
            .Append("</dd><dt>Written</dt><dd>").AppendEscaped(writtenAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append("</dd></dl>\n</div></header>\n<main class=\"wrap\">\n");
        var targeted = rows.Count(r => r.OnlyNamedChecksRan);
        html.Append("<p class=\"card note\">Each fault switched on in the embedded reference server must make exactly the checks it names fail (or, for a SHOULD, warn), and every other check pass. ")
            .Append("Caught means the checks that failed are exactly those expected. ");
        if (targeted > 0)
            html.Append(targeted.ToString(CultureInfo.InvariantCulture))
                .Append(" of these runs were targeted: they ran only the checks the fault names, so they prove those checks catch it, not that every other check passes (SMART_MATRIX=full runs every check each time). ");
        html.Append("Machine-readable: <a href=\"fault-matrix.json\">fault-matrix.json</a>.</p>\n");
        html.Append("<section class=\"card requirements\"><table class=\"req\"><thead><tr><th>Fault</th><th>What is wrong</th><th>Spec</th><th>Expected</th><th>Actual</th><th>Caught</th></tr></thead><tbody>\n");
        foreach (var row in rows.OrderBy(r => r.Fault is not null).ThenBy(r => r.Fault, StringComparer.Ordinal))
        {
            html.Append("<tr><td class=\"mono\">").AppendEscaped(row.Fault ?? "(faultless)").Append("</td><td>").AppendEscaped(row.Description)
                .Append("</td><td>").AppendEscaped(row.Spec).Append("</td><td>");
            Checks(html, row.Expected, row.ExpectedWarnings);
            html.Append("</td><td>");
            Checks(html, row.Actual, row.ActualWarnings);
            html.Append("</td><td><span class=\"badge ").Append(row.Caught ? "v-pass" : "v-fail").Append("\">").Append(row.Caught ? "yes" : "no").Append("</span></td></tr>\n");
        }
        html.Append("</tbody></table></section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Checks(StringBuilder html, IReadOnlyList<string> failing, IReadOnlyList<string> warning)
    {
        foreach (var id in failing)
            html.Append("<span class=\"chip\">").AppendEscaped(id).Append("</span>");
        foreach (var id in warning)
            html.Append("<span class=\"chip\">").AppendEscaped(id).Append(" (warn)</span>");
        if (failing.Count == 0 && warning.Count == 0)
            html.Append("<small>none</small>");
    }

    public static void Write(IReadOnlyList<FaultMatrixRow> rows, string path) =>
        File.WriteAllText(path, Render(rows, DateTimeOffset.UtcNow), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
