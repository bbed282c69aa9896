using System.Text;
using SmartConformance.Reports.Model;

namespace SmartConformance.Reports.Html;

/// <summary>
/// Files beside the report as links. A "missing" file, or a path outside the report folder, is shown as text and never
/// linked, so the page loads nothing that is not there.
/// </summary>
internal static class ArtifactHtml
{
    public const string MissingKind = "missing";

    /// <summary>One &lt;li&gt; per artifact: "kind: link".</summary>
    public static string Items(IEnumerable<ArtifactReport> artifacts)
    {
        var html = new StringBuilder();
        foreach (var artifact in artifacts)
            html.Append("<li>").Append(Link(artifact)).Append("</li>");
        return html.ToString();
    }

    /// <summary>The artifacts as a list, for the page header.</summary>
    public static string Links(IEnumerable<ArtifactReport> artifacts) => "<ul class=\"files run-files\">" + Items(artifacts) + "</ul>";

    private static string Link(ArtifactReport artifact)
    {
        var html = new StringBuilder();
        if (IsMissing(artifact))
            return html.Append("<span class=\"missing\">").AppendEscaped(artifact.Title).Append(" (no file)</span>").ToString();
        html.AppendEscaped(artifact.Kind).Append(": ");
        if (HtmlText.RelativeHref(artifact.Path) is { } href)
            html.Append("<a href=\"").AppendEscaped(href).Append("\">").AppendEscaped(artifact.Title).Append("</a>");
        else
            html.AppendEscaped(artifact.Title).Append(" <span class=\"mono\">").AppendEscaped(artifact.Path).Append("</span>");
        return html.ToString();
    }

    public static bool IsMissing(ArtifactReport artifact) => string.Equals(artifact.Kind, MissingKind, StringComparison.OrdinalIgnoreCase);
}
