using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Requirements;
using SmartConformance.Harness.Smart;

namespace SmartConformance.SelfTests.Requirements;

/// <summary>How a requirement's verdict follows from its checks' verdicts, its level and its condition.</summary>
public sealed class RequirementRollupTests
{
    private static Requirement Row(string level = RequirementLevel.Shall, string? condition = null, string? notTested = null, string[]? planned = null, string? note = null) => new()
    {
        Id = "hl7.fhir.uv.smart-app-launch_2.2.0@1",
        Level = level,
        Summary = "A requirement.",
        Url = "https://hl7.org/fhir/smart-app-launch/STU2.2/x.html",
        Source = RequirementSource.SmartAppLaunch,
        Condition = condition is null ? null : RequirementCondition.Parse(condition),
        NotTested = notTested,
        PlannedChecks = planned ?? [],
        Note = note,
    };

    private static JudgedRequirement Judge(Requirement requirement, string[] checks, bool? conditionMet, params (string Id, string Verdict, string Message)[] results) =>
        RequirementRollup.Judge(new CoveredRequirement(requirement, checks),
            results.ToDictionary(r => r.Id, r => new CheckResult(r.Id, r.Verdict, r.Message)), conditionMet);

    [Test]
    public void Passes_only_when_every_check_passed()
    {
        Judge(Row(), ["A-01", "B-01"], null, ("A-01", "pass", ""), ("B-01", "pass", "")).Verdict.Should().Be("pass");

        var partly = Judge(Row(), ["A-01", "B-01"], null, ("A-01", "pass", ""), ("B-01", "skip", "Needs the EHR launch (EHR-01).\nmore"));
        partly.Verdict.Should().Be("skip");
        partly.Reason.Should().Contain("B-01 skipped (Needs the EHR launch (EHR-01))").And.NotContain("more");
    }

    [Test]
    public void A_failed_check_fails_a_SHALL_row_and_names_the_check()
    {
        var judged = Judge(Row(), ["A-01", "B-01"], true, ("A-01", "pass", ""), ("B-01", "fail", "no"));
        judged.Verdict.Should().Be("fail");
        judged.Reason.Should().Contain("B-01").And.NotContain("A-01");
        Judge(Row(RequirementLevel.ShallNot), ["A-01"], null, ("A-01", "fail", "")).Verdict.Should().Be("fail");
    }

    [TestCase(RequirementLevel.Should)]
    [TestCase(RequirementLevel.ShouldNot)]
    [TestCase(RequirementLevel.May)]
    public void A_failed_check_only_warns_on_a_row_that_is_not_mandatory(string level)
    {
        var judged = Judge(Row(level), ["A-01"], null, ("A-01", "fail", "no"));
        judged.Verdict.Should().Be("warn");
        judged.Reason.Should().Contain(level);
    }

    [Test]
    public void A_conditional_row_is_skipped_naming_what_the_server_does_not_advertise()
    {
        var judged = Judge(Row(condition: "capability:sso-openid-connect|grant:client_credentials"), ["A-01"], false, ("A-01", "pass", ""));
        judged.Verdict.Should().Be("skip");
        judged.Reason.Should().Be("Does not apply: the server does not advertise the capability sso-openid-connect or the grant type client_credentials in grant_types_supported.");
    }

    [Test]
    public void A_failed_check_still_fails_a_conditional_row_whose_condition_is_not_advertised()
    {
        Judge(Row(condition: "capability:launch-ehr"), ["A-01"], false, ("A-01", "fail", "")).Verdict.Should().Be("fail");
    }

    [Test]
    public void Without_a_discovery_document_a_conditional_row_follows_its_checks()
    {
        Judge(Row(condition: "capability:launch-ehr"), ["A-01"], null, ("A-01", "pass", "")).Verdict.Should().Be("pass");
        Judge(Row(condition: "capability:launch-ehr"), ["A-01"], null, ("A-01", "skip", "Not advertised."))
            .Reason.Should().Contain("applies when the server advertises capability:launch-ehr");
    }

    [Test]
    public void Errors_and_warnings_carry_through()
    {
        Judge(Row(), ["A-01", "B-01"], null, ("A-01", "pass", ""), ("B-01", "error", "boom")).Verdict.Should().Be("error");
        Judge(Row(RequirementLevel.Should), ["A-01"], null, ("A-01", "warn", "")).Verdict.Should().Be("warn");
        Judge(Row(), ["A-01", "B-01"], null, ("A-01", "error", ""), ("B-01", "fail", "")).Verdict.Should().Be("fail", "a failure outranks an error");
    }

    [Test]
    public void A_row_whose_checks_did_not_run_is_skipped()
    {
        var judged = Judge(Row(), ["A-01"], null);
        judged.Verdict.Should().Be("skip");
        judged.Reason.Should().Contain("A-01");
        Judge(Row(), ["A-01", "B-01"], null, ("A-01", "pass", "")).Verdict.Should().Be("skip", "B-01 did not run");
    }

    [Test]
    public void A_row_without_checks_is_not_tested_with_its_reason()
    {
        var judged = Judge(Row(notTested: NotTestedReason.NotYet, planned: ["TOK-02"]), [], null);
        judged.Verdict.Should().Be("not-tested");
        judged.Reason.Should().Be("not-yet: planned TOK-02.");
        Judge(Row(notTested: NotTestedReason.NeedsHumanJudgement, note: "A person reads the documentation."), [], null)
            .Reason.Should().Be("needs-human-judgement: A person reads the documentation.");
    }

    [Test]
    public void Checks_win_over_a_stale_reason()
    {
        Judge(Row(notTested: NotTestedReason.NotYet, planned: ["A-01"]), ["A-01"], null, ("A-01", "pass", "")).Verdict.Should().Be("pass");
    }

    [Test]
    public void Conditions_are_judged_against_the_discovery_document()
    {
        using var document = JsonDocument.Parse("""{"capabilities":["launch-ehr"],"grant_types_supported":["authorization_code"],"introspection_endpoint":"https://x/introspect"}""");
        var configuration = new SmartConfiguration(document.RootElement.Clone());

        RequirementCondition.Parse("capability:launch-ehr").IsMetBy(configuration).Should().BeTrue();
        RequirementCondition.Parse("capability:launch-standalone").IsMetBy(configuration).Should().BeFalse();
        RequirementCondition.Parse("capability:launch-standalone|endpoint:introspection_endpoint").IsMetBy(configuration).Should().BeTrue();
        RequirementCondition.Parse("grant:client_credentials").IsMetBy(configuration).Should().BeFalse();
        RequirementCondition.Parse("grant:client_credentials").IsMetBy(null).Should().BeNull();
    }
}
