using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports.Html;

namespace SmartConformance.SelfTests.Reports;

public sealed class BodyFormatterTests
{
    [Test]
    public void Pretty_prints_json_and_keeps_non_ascii_readable()
    {
        var body = BodyFormatter.Format("""{"a":[1,2],"name":"Zoë <b>"}""", "application/fhir+json", truncatedWhenRecorded: false);

        body.IsJson.Should().BeTrue();
        body.Text.Should().Be("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"name\": \"Zoë <b>\"\n}");
        body.Note.Should().BeNull();
    }

    [Test]
    public void Leaves_text_that_is_not_json_as_it_is()
    {
        BodyFormatter.Format("{\"cut\": tru", "application/json", truncatedWhenRecorded: true)
            .Should().Be(new FormattedBody("{\"cut\": tru", false, "(body cut at 11 bytes)"));
        BodyFormatter.Format("a=1&b=2", "application/x-www-form-urlencoded", false).Text.Should().Be("a=1&b=2");
    }

    [Test]
    public void Cuts_bodies_over_200_KB()
    {
        var body = BodyFormatter.Format(new string('x', 250_000), null, false);

        body.Text.Length.Should().Be(BodyFormatter.MaxShownChars);
        body.Note.Should().Contain("250000 bytes");
    }
}
