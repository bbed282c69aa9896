using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Reports;

public sealed class FaultMatrixHtmlTests
{
    [Test]
    public void Each_fault_shows_expected_and_actual_checks_and_whether_it_was_caught()
    {
        var html = FaultMatrixHtmlWriter.Render(
        [
            new FaultMatrixRow { Fault = "token.omit-no-store", Description = "Token responses are <cacheable>", Spec = "app-launch.html#response-5", Expected = ["TOK-02"], Actual = ["TOK-02"], Caught = true },
            new FaultMatrixRow { Fault = "code.reusable", Description = "Codes work twice", Spec = "RFC 6749", Expected = ["TOK-03"], Actual = [], Caught = false },
            new FaultMatrixRow { Description = "faultless", Caught = true },
        ], DateTimeOffset.UnixEpoch);

        html.Should().Contain("token.omit-no-store").And.Contain("Token responses are &lt;cacheable&gt;").And.Contain("(faultless)")
            .And.Contain("<span class=\"chip\">TOK-03</span>").And.Contain("1 of 3 not caught exactly")
            .And.Contain("<span class=\"badge v-fail\">no</span>").And.NotContain("<script");
    }

    [Test]
    public void Targeted_runs_are_said_to_prove_only_that_the_named_checks_catch_the_fault()
    {
        var targeted = FaultMatrixHtmlWriter.Render(
        [
            new FaultMatrixRow { Fault = "code.reusable", Expected = ["TOK-03"], Actual = ["TOK-03"], Caught = true, OnlyNamedChecksRan = true },
            new FaultMatrixRow { Description = "faultless", Caught = true },
        ], DateTimeOffset.UnixEpoch);
        var full = FaultMatrixHtmlWriter.Render(
            [new FaultMatrixRow { Fault = "code.reusable", Expected = ["TOK-03"], Actual = ["TOK-03"], Caught = true }], DateTimeOffset.UnixEpoch);

        targeted.Should().Contain("1 of these runs were targeted").And.Contain("SMART_MATRIX=full");
        full.Should().NotContain("targeted");
    }
}
