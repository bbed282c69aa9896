using System.Text;
using SmartConformance.Reports.Model;
using SmartConformance.Reports.Text;

namespace SmartConformance.Reports.Html;

/// <summary>One check as a card: verdict, spec link, message, requirements, artifacts and the exchanges behind it.</summary>
internal static class CheckHtml
{
    public static void Append(StringBuilder html, CheckReport check, string group)
    {
        var css = VerdictStyle.CssClass(check.Verdict);
        html.Append("<article class=\"card check ").Append(css).Append("\" id=\"").AppendEscaped(check.Id)
            .Append("\" data-verdict=\"").AppendEscaped(check.Verdict).Append("\" data-group=\"").AppendEscaped(group)
            .Append("\" data-search=\"").AppendEscaped($"{check.Id} {check.Title}".ToLowerInvariant()).Append("\">\n");

        html.Append("<div class=\"check-head\"><span class=\"badge ").Append(css).Append("\">").AppendEscaped(VerdictStyle.Label(check.Verdict))
            .Append("</span><a class=\"check-id\" href=\"#").AppendEscaped(Uri.EscapeDataString(check.Id)).Append("\">").AppendEscaped(check.Id)
            .Append("</a><h3>").AppendEscaped(check.Title).Append("</h3><span class=\"dur\">")
            .AppendEscaped(TextFormat.Duration(check.DurationMs)).Append("</span></div>\n");

        html.Append("<div class=\"check-meta\"><span>Spec: ");
        SpecLink(html, check.Spec);
        html.Append("</span>");
        if (check.Requirements.Count > 0)
        {
            html.Append("<span>Requirements: ");
            foreach (var requirement in check.Requirements)
                html.Append("<span class=\"chip\">").AppendEscaped(requirement).Append("</span>");
            html.Append("</span>");
        }
        html.Append("</div>\n");

        if (!string.IsNullOrWhiteSpace(check.Message))
            html.Append("<pre class=\"msg\">").AppendEscaped(check.Message.TrimEnd()).Append("</pre>\n");

        Artifacts(html, check.Artifacts);

        if (check.Exchanges.Count > 0)
        {
            html.Append("<details class=\"exchanges\"><summary>").Append(check.Exchanges.Count)
                .Append(check.Exchanges.Count == 1 ? " HTTP exchange" : " HTTP exchanges").Append("</summary>\n");
            foreach (var exchange in check.Exchanges)
                ExchangeHtml.Append(html, exchange);
            html.Append("</details>\n");
        }
        html.Append("</article>\n");
    }

    private static void SpecLink(StringBuilder html, SpecReference spec)
    {
        var text = string.IsNullOrWhiteSpace(spec.Section) ? spec.Url : spec.Section;
        if (HtmlText.IsWebUrl(spec.Url))
        {
            html.Append("<a href=\"").AppendEscaped(spec.Url).Append("\" target=\"_blank\" rel=\"noopener noreferrer\" title=\"")
                .AppendEscaped(spec.Url).Append("\">").AppendEscaped(text).Append("</a>");
        }
        else
        {
            html.AppendEscaped(text);
            if (!string.IsNullOrWhiteSpace(spec.Url) && spec.Url != text)
                html.Append(" (<span class=\"mono\">").AppendEscaped(spec.Url).Append("</span>)");
        }
    }

    /// <summary>Screenshots as thumbnails linking to the file; other artifacts as links. Paths outside the report folder are shown, never loaded.</summary>
    private static void Artifacts(StringBuilder html, IReadOnlyList<ArtifactReport> artifacts)
    {
        if (artifacts.Count == 0)
            return;
        var screenshots = artifacts.Where(a => IsScreenshot(a) && HtmlText.RelativeHref(a.Path) is not null).ToList();
        var others = artifacts.Except(screenshots).ToList();

        if (screenshots.Count > 0)
        {
            html.Append("<div class=\"shots\">");
            foreach (var shot in screenshots)
            {
                var href = HtmlText.RelativeHref(shot.Path)!;
                html.Append("<figure><a href=\"").AppendEscaped(href).Append("\" target=\"_blank\"><img src=\"").AppendEscaped(href)
                    .Append("\" alt=\"").AppendEscaped(shot.Title).Append("\" loading=\"lazy\"></a><figcaption>")
                    .AppendEscaped(shot.Title).Append("</figcaption></figure>");
            }
            html.Append("</div>\n");
        }
        if (others.Count > 0)
            html.Append("<ul class=\"files\">").Append(ArtifactHtml.Items(others)).Append("</ul>\n");
    }

    private static bool IsScreenshot(ArtifactReport artifact) => string.Equals(artifact.Kind, "screenshot", StringComparison.OrdinalIgnoreCase);
}
