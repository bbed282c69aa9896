using System.Security;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using SmartConformance.Harness.Requirements;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Cli.Running;

/// <summary>
/// Turns --filter into an NUnit filter: comma-separated terms, each a check id (DISC-01), a group
/// ("Token endpoint"), a requirement id, or an Inferno SMART App Launch test id (1.2.08: the checks of the requirements
/// Inferno links to that test); a check runs when any term matches it.
/// </summary>
public static class CheckFilter
{
    public static ITestFilter Parse(string? expression)
    {
        var terms = (expression ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0) return TestFilter.Empty;
        var alternatives = terms.Select(term =>
        {
            if (InfernoTrace.IsTestId(term))
                return string.Concat(InfernoTrace.RequirementsOf(term).Select(id => $"<prop name=\"{CheckProperties.Requirement}\">{SecurityElement.Escape(id)}</prop>"))
                       + $"<prop name=\"{CheckProperties.Id}\">{SecurityElement.Escape(term)}</prop>";
            var text = SecurityElement.Escape(term);
            var upper = SecurityElement.Escape(term.ToUpperInvariant());
            return $"<prop name=\"{CheckProperties.Id}\">{upper}</prop><cat>{text}</cat><prop name=\"{CheckProperties.Requirement}\">{text}</prop>";
        });
        return TestFilter.FromXml($"<filter><or>{string.Concat(alternatives)}</or></filter>");
    }
}
