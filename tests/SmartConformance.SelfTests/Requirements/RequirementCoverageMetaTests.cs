using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Commands;
using SmartConformance.Harness.Requirements;

namespace SmartConformance.SelfTests.Requirements;

/// <summary>
/// Meta-tests over the real suite: the checks' [Requirement] ids and the requirement data must agree, so the coverage
/// figures are true. Checks are found exactly as list-requirements finds them (NUnit exploration, nothing runs).
/// </summary>
public sealed class RequirementCoverageMetaTests
{
    private static readonly Lazy<RequirementCoverage> Coverage = new(ListRequirementsCommand.Compute);

    [Test]
    public void Every_requirement_id_a_check_names_is_in_the_catalog()
    {
        Coverage.Value.UnknownIds.Select(u => $"{u.CheckId} names {u.RequirementId}")
            .Should().BeEmpty("a [Requirement] id must be an HL7 row of requirements/smart-app-launch-2.2.csv or a clause of requirements/rfc-oidc.csv");
    }

    [Test]
    public void Every_HL7_row_is_tested_by_a_check_or_explained()
    {
        Coverage.Value.Unaccounted.Select(r => r.Requirement.Id)
            .Should().BeEmpty("a row without checks needs a not_tested reason (client-side, needs-human-judgement, not-yet, out-of-scope)");
        (Coverage.Value.Tested + Coverage.Value.Explained).Should().Be(Coverage.Value.Total);
    }

    [Test]
    public void A_row_the_data_leaves_without_reason_really_has_a_check()
    {
        // The data never says "tested": an empty not_tested is a promise that a check declares the row.
        var promised = Coverage.Value.SmartAppLaunch.Where(r => r.Requirement.NotTested is null).ToList();
        promised.Where(r => !r.IsTested).Select(r => r.Requirement.Id).Should().BeEmpty();
    }

    [Test]
    public void Stale_reasons_and_undeclared_planned_checks_are_listed_for_clean_up()
    {
        // Warnings, not failures: when a check starts declaring a not-yet row the row is tested at once (checks win),
        // and the data's reason can be removed later.
        var stale = Coverage.Value.TestedButExplained.Select(r => $"{r.Requirement.Id} is tested by {string.Join(", ", r.Checks)} but still says {r.Requirement.NotTested}").ToList();
        var undeclared = Coverage.Value.PlannedChecksNotDeclaring.Select(p => $"{p.Row.Requirement.Id} plans {p.Check}, which exists but does not declare it").ToList();
        var bare = ListChecksCommand.Explore().Where(c => c.Requirements.Count == 0).Select(c => $"{c.Id} names no requirement").ToList();
        foreach (var line in stale.Concat(undeclared).Concat(bare)) TestContext.Out.WriteLine(line);
        if (stale.Count + undeclared.Count + bare.Count > 0)
            Assert.Warn($"{stale.Count} stale not_tested reasons, {undeclared.Count} planned checks that exist but do not declare their row, "
                        + $"{bare.Count} checks without [Requirement] (see the output).");
    }
}
