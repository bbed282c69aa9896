using System.Security;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Running;

/// <summary>
/// Turns --filter into an NUnit filter: comma-separated terms, each a check id (DISC-01), a group
/// ("Token endpoint") or a requirement id; a check runs when any term matches it.
/// </summary>
public static class CheckFilter
{
    public static ITestFilter Parse(string? expression)
    {
        var terms = (expression ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0) return TestFilter.Empty;
        var alternatives = terms.Select(term =>
        {
            var text = SecurityElement.Escape(term);
            var upper = SecurityElement.Escape(term.ToUpperInvariant());
            return $"<prop name=\"{CheckProperties.Id}\">{upper}</prop><cat>{text}</cat><prop name=\"{CheckProperties.Requirement}\">{text}</prop>";
        });
        return TestFilter.FromXml($"<filter><or>{string.Concat(alternatives)}</or></filter>");
    }
}
