using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports.Html;

namespace SmartConformance.SelfTests.Reports;

public sealed class JwtDecoderTests
{
    [Test]
    public void Finds_a_token_in_a_json_body_and_an_authorization_header()
    {
        var body = $$"""{"id_token":"{{SampleReports.Jwt}}"}""";

        var fromBody = JwtDecoder.FindAll(body);
        var fromHeader = JwtDecoder.FindAll("Bearer " + SampleReports.Jwt);

        fromBody.Should().ContainSingle().Which.Raw.Should().Be(SampleReports.Jwt);
        fromHeader.Should().ContainSingle().Which.Claims.Should().Contain($"\"patient\": \"{SampleReports.PatientClaim}\"");
        fromBody[0].Header.Should().Contain("\"kid\": \"key-1\"");
        fromBody[0].Times.Should().Contain(("exp", "2026-01-01 00:00:00 UTC")).And.Contain(("iat", "2025-12-31 23:00:00 UTC"));
    }

    [Test]
    public void Decodes_a_token_whose_signature_was_removed()
    {
        var token = SampleReports.MakeJwt("""{"alg":"none"}""", """{"sub":"x"}""", signature: "");

        JwtDecoder.FindAll($"token={token}&next=1").Should().ContainSingle().Which.Raw.Should().Be(token);
    }

    [TestCase("www.example.org")]
    [TestCase("see https://hl7.org/fhir/smart-app-launch/app-launch.html for details")]
    [TestCase("version 10.0.15.1 of abcd.efgh.ijkl")]
    [TestCase("[redacted]")]
    [TestCase("")]
    public void Ignores_dotted_text_that_is_not_a_token(string text)
    {
        JwtDecoder.FindAll(text).Should().BeEmpty();
    }

    [Test]
    public void Refuses_a_token_whose_payload_is_not_a_json_object()
    {
        var token = SampleReports.MakeJwt("""{"alg":"RS256"}""", "[1,2]");

        JwtDecoder.TryDecode(token, out _).Should().BeFalse();
    }
}
