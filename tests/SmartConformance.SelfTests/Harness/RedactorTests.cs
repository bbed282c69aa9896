using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;

namespace SmartConformance.SelfTests.Harness;

public sealed class RedactorTests
{
    private static HttpExchange TokenExchange(string responseBody, string requestBody = "grant_type=authorization_code&code=AUTHCODE123456&code_verifier=VERIFIER-abcdefghijkl") => new()
    {
        Sequence = 1, Method = "POST", Url = new Uri("http://127.0.0.1/token"), StartedAt = DateTimeOffset.UtcNow,
        RequestBody = requestBody, Status = 200, ResponseBody = responseBody,
        RequestHeaders = [new("Authorization", "Basic c2VjcmV0OnNlY3JldA==")],
    };

    [Test]
    public void Tokens_codes_and_verifiers_seen_on_the_wire_are_hidden_everywhere()
    {
        var exchange = TokenExchange("{\"access_token\":\"OPAQUE-ACCESS-TOKEN-0001\",\"refresh_token\":\"REFRESH-TOKEN-9999\"}");
        var redactor = Redactor.For([], [exchange]);
        var text = redactor.Apply("token OPAQUE-ACCESS-TOKEN-0001, refresh REFRESH-TOKEN-9999, code AUTHCODE123456, verifier VERIFIER-abcdefghijkl")!;
        text.Should().NotContain("OPAQUE-ACCESS-TOKEN-0001").And.NotContain("REFRESH-TOKEN-9999").And.NotContain("AUTHCODE123456").And.NotContain("VERIFIER-abcdefghijkl");
        text.Should().Contain("«redacted access_token …0001»", "the last four characters let a reader correlate");
    }

    [Test]
    public void A_jwt_keeps_its_header_and_claims_but_loses_its_signature()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbXkifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        var redactor = Redactor.For([], [TokenExchange($"{{\"access_token\":\"{jwt}\"}}")]);
        redactor.Apply(jwt).Should().Be("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbXkifQ.«access_token signature redacted»");
    }

    [Test]
    public void Profile_secrets_are_hidden_raw_and_url_encoded()
    {
        var redactor = Redactor.For(["p@ss word!"], []);
        redactor.Apply("password=p%40ss%20word%21 and p@ss word!").Should().NotContain("p%40ss").And.NotContain("p@ss word!");
    }

    [Test]
    public void Authorization_headers_keep_only_their_scheme()
    {
        Redactor.None.ApplyToHeader("Authorization", "Bearer abcdefghijklmnop").Should().Be("Bearer «redacted access_token …mnop»");
        Redactor.None.ApplyToHeader("Cookie", "session=1").Should().Be("«redacted cookie»");
    }
}
