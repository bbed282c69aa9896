namespace SmartConformance.Harness.Requirements;

/// <summary>
/// Traceability to Inferno's SMART App Launch test kit: a check covers the Inferno tests linked to the requirements it
/// declares (the requirement list's inferno_tests column), and an Inferno test id selects the checks of its requirements.
/// </summary>
public static class InfernoTrace
{
    /// <summary>Inferno test ids like 1.2.08 or 4.1.2.06.</summary>
    public static bool IsTestId(string text) =>
        text.Length > 2 && char.IsAsciiDigit(text[0]) && text.Contains('.') && text.All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>The Inferno tests covering any of these requirements, in Inferno's numbering order.</summary>
    public static IReadOnlyList<string> For(IEnumerable<string> requirementIds, RequirementCatalog? catalog = null)
    {
        catalog ??= RequirementCatalog.Load();
        return requirementIds.Select(catalog.Find).OfType<Requirement>().SelectMany(r => r.InfernoTests)
            .Distinct(StringComparer.Ordinal).Order(Numbering).ToList();
    }

    /// <summary>The requirements Inferno links to the test <paramref name="testId"/>.</summary>
    public static IReadOnlyList<string> RequirementsOf(string testId, RequirementCatalog? catalog = null) =>
        (catalog ?? RequirementCatalog.Load()).SmartAppLaunch.Where(r => r.InfernoTests.Contains(testId)).Select(r => r.Id).ToList();

    /// <summary>Compares dotted numbers part by part as numbers: 1.2.9 before 1.2.10.</summary>
    public static IComparer<string> Numbering { get; } = Comparer<string>.Create((a, b) =>
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var order = int.TryParse(x[i], out var m) && int.TryParse(y[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(x[i], y[i]);
            if (order != 0) return order;
        }
        return x.Length.CompareTo(y.Length);
    });
}
