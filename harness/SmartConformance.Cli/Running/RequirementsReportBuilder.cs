using SmartConformance.Cli.Commands;
using SmartConformance.Harness.Requirements;
using SmartConformance.Harness.Smart;
using SmartConformance.Reports.Model;

namespace SmartConformance.Cli.Running;

/// <summary>The requirements view of a run: each HL7 row with its checks' rolled-up verdict, or why it is not tested.</summary>
public static class RequirementsReportBuilder
{
    public const string Source = "HL7 SMART App Launch 2.2.0 server requirements (hl7.fhir.uv.smart-app-launch_2.2.0)";

    /// <param name="checks">The run's checks, messages already redacted.</param>
    /// <param name="discovery">The discovery document if the run fetched it; conditions are not judged without it.</param>
    public static RequirementsReport Build(IReadOnlyList<CheckReport> checks, SmartConfiguration? discovery) =>
        Build(RequirementCatalog.Load(), SuiteDeclarations(), checks, discovery);

    /// <param name="suite">Every check of the suite, so a check filtered out of this run still counts as testing its rows.</param>
    public static RequirementsReport Build(RequirementCatalog catalog, IEnumerable<CheckDeclaration> suite, IReadOnlyList<CheckReport> checks, SmartConfiguration? discovery)
    {
        var declarations = suite.Concat(checks.Select(c => new CheckDeclaration(c.Id, c.Requirements))).ToList();
        var coverage = RequirementCoverage.Compute(catalog, declarations);
        var results = checks.GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CheckResult(g.Key, g.First().Verdict, g.First().Message), StringComparer.Ordinal);
        RequirementReport Row(CoveredRequirement row)
        {
            var judged = RequirementRollup.Judge(row, results, row.Requirement.Condition?.IsMetBy(discovery));
            return new RequirementReport
            {
                Id = row.Requirement.Id,
                Level = row.Requirement.Level,
                Summary = row.Requirement.Summary,
                Url = row.Requirement.Url,
                Condition = row.Requirement.Condition?.Text,
                Checks = row.Checks,
                Verdict = judged.Verdict,
                Reason = judged.Reason,
                NotTested = row.IsTested ? null : row.Requirement.NotTested,
                PlannedChecks = row.IsTested ? [] : row.Requirement.PlannedChecks,
            };
        }
        return new RequirementsReport
        {
            Source = Source,
            Coverage = new RequirementCoverageReport
            {
                Total = coverage.Total,
                Tested = coverage.Tested,
                Explained = coverage.Explained,
                ByLevel = coverage.ByLevel.Select(l => new LevelCoverageReport(l.Level, l.Total, l.Tested, l.Explained)).ToList(),
                InfernoTested = coverage.InfernoTested,
            },
            Rows = coverage.SmartAppLaunch.Select(Row).ToList(),
            References = coverage.References.Select(Row).ToList(),
        };
    }

    private static IEnumerable<CheckDeclaration> SuiteDeclarations() =>
        ListChecksCommand.Explore().Select(c => new CheckDeclaration(c.Id, c.Requirements));
}
