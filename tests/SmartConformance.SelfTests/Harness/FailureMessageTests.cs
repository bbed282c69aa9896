using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Tests.Framework;

namespace SmartConformance.SelfTests.Harness;

public sealed class FailureMessageTests
{
    [Test]
    public void A_failure_says_what_was_sent_what_came_back_and_what_is_required()
    {
        var exchange = new HttpExchange
        {
            Sequence = 1, Method = "GET", Url = new Uri("https://fhir.example/.well-known/smart-configuration"), StartedAt = DateTimeOffset.UtcNow,
            Status = 404, ResponseHeaders = [new("Content-Type", "text/html")], ResponseBody = "<html>Not Found</html>",
        };
        var message = FailureMessage.Compose("The document is missing.", exchange, "a JSON document", "https://hl7.org/x");
        message.Should().Contain("The document is missing.")
            .And.Contain("Sent: GET https://fhir.example/.well-known/smart-configuration")
            .And.Contain("Received: 404 text/html, body: <html>Not Found</html>")
            .And.Contain("Required: a JSON document (https://hl7.org/x)");
    }

    [Test]
    public void A_request_that_got_no_response_says_why()
    {
        var exchange = new HttpExchange { Sequence = 1, Method = "GET", Url = new Uri("https://x/"), StartedAt = DateTimeOffset.UtcNow, Error = "no complete response within 30 s" };
        FailureMessage.Compose("p", exchange, "r", null).Should().Contain("Received: no response (no complete response within 30 s)");
    }

    [Test]
    public void A_body_preview_never_shows_a_credential_even_when_cut()
    {
        var exchange = new HttpExchange
        {
            Sequence = 1, Method = "POST", Url = new Uri("https://x/token"), StartedAt = DateTimeOffset.UtcNow, Status = 200,
            ResponseBody = "{\"access_token\": \"" + new string('A', 500) + "\", \"token_type\": \"bearer\"}",
        };
        var message = FailureMessage.Compose("p", exchange, "r", null);
        message.Should().NotContain("AAAA").And.Contain("\"access_token\": \"«redacted»\"").And.Contain("token_type");
    }
}
