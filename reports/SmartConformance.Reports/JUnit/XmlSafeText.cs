using System.Text;
using System.Xml;

namespace SmartConformance.Reports.JUnit;

/// <summary>Makes arbitrary text safe to put in an XML 1.0 document.</summary>
internal static class XmlSafeText
{
    /// <summary>Replaces characters XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (IsClean(text))
            return text;

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }
        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (!XmlConvert.IsXmlChar(c))
                return false;
        }
        return true;
    }
}
