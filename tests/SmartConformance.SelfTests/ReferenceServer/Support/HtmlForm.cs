using System.Net;
using System.Text.RegularExpressions;

namespace SmartConformance.SelfTests.ReferenceServer.Support;

/// <summary>Reads the reference server's own (simple, regular) HTML forms, the way a browser would submit them.</summary>
internal static partial class HtmlForm
{
    public static string Action(string html, string formId) =>
        WebUtility.HtmlDecode(FormTag().Matches(html).First(m => m.Groups["id"].Value == formId).Groups["action"].Value);

    public static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        HiddenInput().Matches(html)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();

    public static List<string> OptionValues(string html, string selectId)
    {
        var select = Regex.Match(html, $"""<select id="{selectId}"[^>]*>(?<body>.*?)</select>""", RegexOptions.Singleline);
        return OptionTag().Matches(select.Groups["body"].Value).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value)).ToList();
    }

    public static bool HasElement(string html, string tag, string id) =>
        Regex.IsMatch(html, $"""<{tag}\b[^>]*\bid="{Regex.Escape(id)}""");

    [GeneratedRegex("""<form id="(?<id>[^"]*)" method="post" action="(?<action>[^"]*)">""")]
    private static partial Regex FormTag();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<option value="(?<value>[^"]*)">""")]
    private static partial Regex OptionTag();
}
