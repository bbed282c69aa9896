namespace SmartConformance.Harness.Requirements;

/// <summary>A check and the requirement ids its [Requirement] attributes name.</summary>
public sealed record CheckDeclaration(string CheckId, IReadOnlyList<string> Requirements);

/// <summary>A requirement with the checks that declare it.</summary>
public sealed record CoveredRequirement(Requirement Requirement, IReadOnlyList<string> Checks)
{
    public bool IsTested => Checks.Count > 0;
    /// <summary>No check, but a not-tested reason: checks win when there are both.</summary>
    public bool IsExplained => !IsTested && Requirement.NotTested is not null;
}

/// <summary>A check naming an id that neither the HL7 list nor the RFC/OpenID catalog holds.</summary>
public sealed record UnknownRequirementId(string CheckId, string RequirementId);

public sealed record LevelCounts(string Level, int Total, int Tested, int Explained);

/// <summary>Which requirements the suite's checks verify, found from the checks' attributes alone (nothing is run).</summary>
public sealed class RequirementCoverage
{
    private RequirementCoverage(IReadOnlyList<CoveredRequirement> smartAppLaunch, IReadOnlyList<CoveredRequirement> references,
        IReadOnlyList<UnknownRequirementId> unknownIds, IReadOnlySet<string> checkIds)
    {
        SmartAppLaunch = smartAppLaunch;
        References = references;
        UnknownIds = unknownIds;
        CheckIds = checkIds;
    }

    /// <summary>All of HL7's server requirements, in HL7's order.</summary>
    public IReadOnlyList<CoveredRequirement> SmartAppLaunch { get; }

    /// <summary>The RFC/OpenID clauses that at least one check names.</summary>
    public IReadOnlyList<CoveredRequirement> References { get; }

    public IReadOnlyList<UnknownRequirementId> UnknownIds { get; }
    public IReadOnlySet<string> CheckIds { get; }

    public int Total => SmartAppLaunch.Count;
    public int Tested => SmartAppLaunch.Count(r => r.IsTested);
    public int Explained => SmartAppLaunch.Count(r => r.IsExplained);

    /// <summary>Rows with neither a check nor a reason: the data is incomplete.</summary>
    public IReadOnlyList<CoveredRequirement> Unaccounted => SmartAppLaunch.Where(r => !r.IsTested && !r.IsExplained).ToList();

    /// <summary>Rows that have checks and still carry a not-tested reason: the reason is stale and can be cleaned up.</summary>
    public IReadOnlyList<CoveredRequirement> TestedButExplained => SmartAppLaunch.Where(r => r.IsTested && r.Requirement.NotTested is not null).ToList();

    /// <summary>Rows whose planned check already exists but does not declare the row yet.</summary>
    public IReadOnlyList<(CoveredRequirement Row, string Check)> PlannedChecksNotDeclaring =>
        SmartAppLaunch.Where(r => !r.IsTested)
            .SelectMany(r => r.Requirement.PlannedChecks.Where(CheckIds.Contains).Select(c => (r, c)))
            .ToList();

    public int InfernoTested => SmartAppLaunch.Count(r => r.Requirement.InfernoTests.Count > 0);

    public IReadOnlyList<LevelCounts> ByLevel =>
        RequirementLevel.All
            .Select(level => SmartAppLaunch.Where(r => r.Requirement.Level == level).ToList())
            .Where(rows => rows.Count > 0)
            .Select(rows => new LevelCounts(rows[0].Requirement.Level, rows.Count, rows.Count(r => r.IsTested), rows.Count(r => r.IsExplained)))
            .ToList();

    /// <summary>The SHALL and SHALL NOT rows together: the figure the suite's coverage goals are stated in.</summary>
    public LevelCounts Mandatory
    {
        get
        {
            var rows = SmartAppLaunch.Where(r => r.Requirement.IsMandatory).ToList();
            return new LevelCounts("SHALL/SHALL NOT", rows.Count, rows.Count(r => r.IsTested), rows.Count(r => r.IsExplained));
        }
    }

    public IReadOnlyList<(string Reason, int Count)> ExplainedByReason =>
        NotTestedReason.All.Select(reason => (reason, SmartAppLaunch.Count(r => r.IsExplained && r.Requirement.NotTested == reason))).ToList();

    public CoveredRequirement? Find(string requirementId) =>
        SmartAppLaunch.Concat(References).FirstOrDefault(r => r.Requirement.Id == requirementId);

    public static RequirementCoverage Compute(RequirementCatalog catalog, IEnumerable<CheckDeclaration> checks)
    {
        var declarations = checks.ToList();
        var checksById = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unknown = new List<UnknownRequirementId>();
        foreach (var check in declarations)
        {
            foreach (var id in check.Requirements.Distinct(StringComparer.Ordinal))
            {
                if (catalog.Find(id) is null) { unknown.Add(new UnknownRequirementId(check.CheckId, id)); continue; }
                if (!checksById.TryGetValue(id, out var list)) checksById[id] = list = [];
                if (!list.Contains(check.CheckId)) list.Add(check.CheckId);
            }
        }
        CoveredRequirement Cover(Requirement r) =>
            new(r, checksById.TryGetValue(r.Id, out var list) ? list.Order(StringComparer.Ordinal).ToList() : []);
        return new RequirementCoverage(
            catalog.SmartAppLaunch.Select(Cover).ToList(),
            catalog.References.Where(r => checksById.ContainsKey(r.Id)).Select(Cover).ToList(),
            unknown,
            declarations.Select(d => d.CheckId).ToHashSet(StringComparer.Ordinal));
    }
}
