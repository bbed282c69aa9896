using SmartConformance.Reports.Model;

namespace SmartConformance.Reports.Html;

/// <summary>How a verdict looks on the page: its label and the CSS class that colours it.</summary>
internal static class VerdictStyle
{
    public static string Label(string verdict) => verdict switch
    {
        Verdicts.Pass => "Pass",
        Verdicts.Fail => "Fail",
        Verdicts.Error => "Error",
        Verdicts.Warn => "Warn",
        Verdicts.Skip => "Skip",
        _ => verdict,
    };

    /// <summary>"v-pass", "v-fail"...; "v-other" for a verdict this version does not know.</summary>
    public static string CssClass(string verdict) => verdict switch
    {
        Verdicts.Pass or Verdicts.Fail or Verdicts.Error or Verdicts.Warn or Verdicts.Skip => "v-" + verdict,
        _ => "v-other",
    };
}
