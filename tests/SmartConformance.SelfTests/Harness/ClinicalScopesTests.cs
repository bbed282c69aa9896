using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;

namespace SmartConformance.SelfTests.Harness;

public sealed class ClinicalScopesTests
{
    [Test]
    public void V1_and_v2_read_scopes_read_their_type_only()
    {
        var scopes = new ClinicalScopes("launch/patient openid patient/Patient.read user/Observation.rs");

        scopes.Reads("Patient").Should().BeTrue();
        scopes.Reads("Observation").Should().BeTrue();
        scopes.Reads("Condition").Should().BeFalse();
        scopes.Writes("Patient").Should().BeFalse();
    }

    [Test]
    public void Wildcards_and_write_permissions_are_understood()
    {
        new ClinicalScopes("patient/*.rs").Reads("Condition").Should().BeTrue();
        new ClinicalScopes("patient/Observation.write").Writes("Observation").Should().BeTrue();
        new ClinicalScopes("patient/Observation.cu").Reads("Observation").Should().BeFalse();
    }

    [Test]
    public void Granular_constraints_are_reported_only_when_every_scope_on_the_type_has_one()
    {
        const string lab = "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory";

        new ClinicalScopes($"patient/Patient.rs {lab}").ConstraintsOn("Observation")
            .Should().Equal("category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory");
        new ClinicalScopes($"patient/Observation.rs {lab}").ConstraintsOn("Observation").Should().BeEmpty();
        new ClinicalScopes(null).Reads("Patient").Should().BeFalse();
    }
}
