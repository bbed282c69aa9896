using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Smart;

namespace SmartConformance.SelfTests.Harness;

public sealed class ScopeSetTests
{
    [TestCase("patient/Observation.rs", "patient/Observation.read")]
    [TestCase("patient/Observation.read", "patient/Observation.rs")]
    [TestCase("patient/Observation.r patient/Observation.s", "patient/Observation.rs")]
    [TestCase("patient/*.rs", "patient/Observation.r")]
    [TestCase("patient/Observation.rs", "patient/Observation.rs?category=laboratory")]
    [TestCase("patient/*.cruds", "patient/Patient.write")]
    [TestCase("openid launch/patient", "launch/patient")]
    public void Covers_by_meaning(string asked, string granted) =>
        ScopeSet.Parse(asked).Covers(granted).Should().BeTrue();

    [TestCase("patient/Observation.r", "patient/Observation.rs")]
    [TestCase("patient/Observation.rs", "patient/Patient.rs")]
    [TestCase("user/*.rs", "patient/Observation.rs")]
    [TestCase("patient/Observation.rs?category=laboratory", "patient/Observation.rs")]
    [TestCase("patient/Observation.rs", "patient/Observation.sr")]
    [TestCase("launch", "launch/patient")]
    public void Does_not_cover_more_than_it_grants(string asked, string granted) =>
        ScopeSet.Parse(asked).Covers(granted).Should().BeFalse();

    [Test]
    public void Beyond_lists_what_a_grant_adds_to_the_request() =>
        ScopeSet.Parse("openid patient/Observation.rs user/*.rs offline_access")
            .Beyond(ScopeSet.Parse("openid patient/*.read"))
            .Should().Equal("user/*.rs", "offline_access");
}
