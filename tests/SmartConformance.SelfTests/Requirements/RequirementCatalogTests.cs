using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Requirements;

namespace SmartConformance.SelfTests.Requirements;

/// <summary>The requirement data shipped in requirements/*.csv, and the loader's refusal of bad rows.</summary>
public sealed class RequirementCatalogTests
{
    private const string Header = "id,level,condition,summary,not_tested,planned_checks,note,url,inferno_tests\n";
    private static readonly RequirementCatalog Catalog = RequirementCatalog.Load();

    [Test]
    public void The_HL7_list_has_its_263_server_requirements_once_each_and_Inferno_links_53()
    {
        Catalog.SmartAppLaunch.Should().HaveCount(263);
        Catalog.SmartAppLaunch.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        Catalog.SmartAppLaunch.Count(r => r.IsMandatory).Should().Be(172, "HL7 lists 167 SHALL and 5 SHALL NOT rows");
        Catalog.SmartAppLaunch.Count(r => r.InfernoTests.Count > 0).Should().Be(53);
    }

    [Test]
    public void Every_row_links_to_the_spec_and_has_a_one_line_summary()
    {
        foreach (var r in Catalog.SmartAppLaunch)
        {
            r.Url.Should().StartWith("https://hl7.org/fhir/smart-app-launch/STU2.2/", r.Id);
            r.Summary.Should().NotContain("\n", r.Id);
            r.Summary.Length.Should().BeInRange(10, 200, $"{r.Id} needs a short summary in our own words");
        }
        foreach (var r in Catalog.References)
            r.Url.Should().MatchRegex(@"^https://(www\.rfc-editor\.org/rfc/rfc\d+#section-[\d.]+|openid\.net/specs/openid-connect-[a-z]+-1_0\.html#\w+|hl7\.org/fhir/R4/[a-z]+\.html#[\w-]+)$", r.Id);
    }

    [Test]
    public void Explained_rows_say_what_is_planned_what_to_look_at_or_why()
    {
        foreach (var r in Catalog.SmartAppLaunch.Where(r => r.NotTested is not null))
        {
            if (r.NotTested == NotTestedReason.NotYet) (r.PlannedChecks.Count > 0 || r.Note is not null).Should().BeTrue(r.Id);
            else r.Note.Should().NotBeNullOrWhiteSpace($"{r.Id} is {r.NotTested}: say what a person must look at, or why");
        }
    }

    [Test]
    public void Reference_ids_used_by_the_catalogue_are_present()
    {
        foreach (var id in new[] { "RFC6749@4.1.2", "RFC6749@4.1.2.1", "RFC6749@5.1", "RFC6749@5.2", "RFC6750@3", "RFC7636@4.6", "OIDC-Core@3.1.3.7" })
            Catalog.Find(id).Should().NotBeNull(id);
    }

    [TestCase("tested", "not_tested \"tested\" is not one of")]
    [TestCase("later", "not_tested \"later\" is not one of")]
    public void The_data_cannot_claim_tested(string notTested, string expected)
    {
        var act = () => Parse($"hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,,A summary line.,{notTested},,,https://hl7.org/x,\n");
        act.Should().Throw<InvalidDataException>().WithMessage($"*{expected}*");
    }

    [TestCase("hl7.fhir.uv.smart-app-launch_2.2.0@1,MUST-ISH,,A summary line.,,,,https://hl7.org/x,", "*level*")]
    [TestCase("hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,,A summary line.,out-of-scope,,,https://hl7.org/x,", "*needs a note*")]
    [TestCase("hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,,A summary line.,,DISC-01,,https://hl7.org/x,", "*planned_checks only go with*")]
    [TestCase("hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,,A summary line.,not-yet,disc one,,https://hl7.org/x,", "*not a check id*")]
    [TestCase("hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,launch-ehr,A summary line.,,,,https://hl7.org/x,", "*condition*")]
    [TestCase("hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,,,,,,https://hl7.org/x,", "*summary is empty*")]
    [TestCase("RFC6749@4.1.2,SHALL,,A summary line.,,,,https://hl7.org/x,", "*is not a hl7.fhir.uv.smart-app-launch_2.2.0@N id*")]
    [TestCase("hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,,\"A summary, quoted.\",,,,http://hl7.org/x,", "*not an https URL*")]
    public void The_loader_refuses_a_bad_row(string row, string expected)
    {
        var act = () => Parse(row + "\n");
        act.Should().Throw<InvalidDataException>().WithMessage(expected);
    }

    [Test]
    public void Quoted_fields_keep_their_commas_and_quotes()
    {
        var rows = Parse("hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,capability:launch-ehr|grant:client_credentials,\"Says \"\"hi\"\", then stops.\",not-yet,DISC-01 TOK-02,,https://hl7.org/x,1.1.01 2.2.02\n");
        rows[0].Summary.Should().Be("Says \"hi\", then stops.");
        rows[0].PlannedChecks.Should().Equal("DISC-01", "TOK-02");
        rows[0].InfernoTests.Should().Equal("1.1.01", "2.2.02");
        rows[0].Condition!.Alternatives.Should().Equal(("capability", "launch-ehr"), ("grant", "client_credentials"));
    }

    [Test]
    public void A_duplicate_id_is_refused()
    {
        var rows = Parse("hl7.fhir.uv.smart-app-launch_2.2.0@1,SHALL,,A summary line.,,,,https://hl7.org/x,\n");
        var act = () => new RequirementCatalog(rows, [rows[0] with { Source = RequirementSource.Reference }]);
        act.Should().Throw<InvalidDataException>().WithMessage("*appears twice*");
    }

    private static IReadOnlyList<Requirement> Parse(string rows) => RequirementCatalog.ParseSmartAppLaunch(Header + rows, "test.csv");
}
