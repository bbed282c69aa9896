using System.Text.RegularExpressions;

namespace SmartConformance.Harness.Requirements;

/// <summary>
/// Every requirement id a check may name: HL7's SMART App Launch 2.2 server requirements and the RFC/OpenID clauses,
/// read from requirements/*.csv (embedded in this assembly).
/// </summary>
public sealed partial class RequirementCatalog
{
    public const string SmartAppLaunchResource = "requirements/smart-app-launch-2.2.csv";
    public const string ReferenceResource = "requirements/rfc-oidc.csv";
    public const string SmartAppLaunchPrefix = "hl7.fhir.uv.smart-app-launch_2.2.0@";

    private static readonly Lazy<RequirementCatalog> Embedded = new(() => new RequirementCatalog(
        ParseSmartAppLaunch(ReadResource(SmartAppLaunchResource), SmartAppLaunchResource),
        ParseReferences(ReadResource(ReferenceResource), ReferenceResource)));

    private readonly Dictionary<string, Requirement> _byId;

    public RequirementCatalog(IReadOnlyList<Requirement> smartAppLaunch, IReadOnlyList<Requirement> references)
    {
        SmartAppLaunch = smartAppLaunch;
        References = references;
        _byId = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        foreach (var requirement in smartAppLaunch.Concat(references))
            if (!_byId.TryAdd(requirement.Id, requirement))
                throw new InvalidDataException($"The requirement id {requirement.Id} appears twice.");
    }

    /// <summary>The catalog shipped with the suite.</summary>
    public static RequirementCatalog Load() => Embedded.Value;

    /// <summary>HL7's server requirements, in HL7's order.</summary>
    public IReadOnlyList<Requirement> SmartAppLaunch { get; }

    /// <summary>RFC and OpenID Connect clauses.</summary>
    public IReadOnlyList<Requirement> References { get; }

    public Requirement? Find(string id) => _byId.GetValueOrDefault(id);

    public static IReadOnlyList<Requirement> ParseSmartAppLaunch(string csv, string source) =>
        CsvRows.Parse(csv, source).Select((row, i) => Row(row, $"{source} record {i + 2}", RequirementSource.SmartAppLaunch)).ToList();

    public static IReadOnlyList<Requirement> ParseReferences(string csv, string source) =>
        CsvRows.Parse(csv, source).Select((row, i) => Row(row, $"{source} record {i + 2}", RequirementSource.Reference)).ToList();

    private static Requirement Row(IReadOnlyDictionary<string, string> row, string where, RequirementSource kind)
    {
        string Field(string name, bool required = false)
        {
            var value = row.TryGetValue(name, out var v) ? v.Trim() : "";
            if (required && value.Length == 0) throw new InvalidDataException($"{where}: {name} is empty.");
            return value;
        }

        var id = Field("id", required: true);
        var idOk = kind == RequirementSource.SmartAppLaunch ? id.StartsWith(SmartAppLaunchPrefix, StringComparison.Ordinal) : ReferenceId().IsMatch(id);
        if (!idOk) throw new InvalidDataException($"{where}: \"{id}\" is not a {(kind == RequirementSource.SmartAppLaunch ? SmartAppLaunchPrefix + "N" : "RFCnnnn@section or OIDC-Name@section")} id.");
        var level = Field("level", required: true);
        if (!RequirementLevel.All.Contains(level)) throw new InvalidDataException($"{where}: level \"{level}\" is not one of {string.Join(", ", RequirementLevel.All)}.");
        var url = Field("url", required: true);
        if (!url.StartsWith("https://", StringComparison.Ordinal)) throw new InvalidDataException($"{where}: url \"{url}\" is not an https URL.");

        var notTested = Field("not_tested");
        if (notTested.Length > 0 && !NotTestedReason.IsKnown(notTested))
            throw new InvalidDataException($"{where}: not_tested \"{notTested}\" is not one of {string.Join(", ", NotTestedReason.All)} "
                + "(leave it empty when a check verifies the requirement: checks are found from their [Requirement] attributes).");
        var planned = Field("planned_checks").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (planned.FirstOrDefault(p => !CheckId().IsMatch(p)) is { } badId) throw new InvalidDataException($"{where}: planned check \"{badId}\" is not a check id like DISC-01.");
        if (planned.Length > 0 && notTested != NotTestedReason.NotYet) throw new InvalidDataException($"{where}: planned_checks only go with not_tested = not-yet.");
        var note = Field("note");
        if (notTested.Length > 0 && planned.Length == 0 && note.Length == 0)
            throw new InvalidDataException($"{where}: a {notTested} requirement needs a note (what a person must look at, why it is out of scope, or what is planned).");

        RequirementCondition? condition = null;
        if (Field("condition") is { Length: > 0 } conditionText)
        {
            try { condition = RequirementCondition.Parse(conditionText); }
            catch (FormatException e) { throw new InvalidDataException($"{where}: condition {e.Message}", e); }
        }

        return new Requirement
        {
            Id = id,
            Level = level,
            Summary = Field("summary", required: true),
            Url = url,
            Source = kind,
            Condition = condition,
            NotTested = notTested.Length > 0 ? notTested : null,
            PlannedChecks = planned,
            Note = note.Length > 0 ? note : null,
            InfernoTests = Field("inferno_tests").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        };
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(RequirementCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from {typeof(RequirementCatalog).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^((RFC\d{4}|OIDC-[A-Za-z]+)@\d+(\.\d+)*|FHIR-R4@[a-z][a-z0-9-]*)$")]
    private static partial Regex ReferenceId();

    [GeneratedRegex(@"^[A-Z]+-\d{2}$")]
    public static partial Regex CheckId();
}
