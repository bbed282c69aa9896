using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Smart;

namespace SmartConformance.SelfTests.Harness;

public sealed class AuthorizeRequestTests
{
    private static readonly AuthorizeRequest Request = new()
    {
        AuthorizationEndpoint = new Uri("https://as.example/authorize"), ClientId = "app", RedirectUri = "http://127.0.0.1:5000/callback",
        Scope = "launch/patient openid", State = "s-1", Aud = "https://fhir.example/r4",
    };

    [Test]
    public void Overrides_replace_or_leave_out_parameters()
    {
        var url = (Request with { Overrides = new Dictionary<string, string?> { ["aud"] = null, ["response_type"] = "token" } }).ToUrl();

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        query["aud"].Should().BeNull();
        query.GetValues("response_type").Should().Equal("token");
        query["client_id"].Should().Be("app");
        query["scope"].Should().Be("launch/patient openid");
        url.GetLeftPart(UriPartial.Path).Should().Be("https://as.example/authorize");
    }

    [Test]
    public void The_parameters_for_a_form_post_are_those_of_the_url()
    {
        Request.ToParameters().Should().Contain(KeyValuePair.Create("aud", "https://fhir.example/r4"))
            .And.Contain(KeyValuePair.Create("redirect_uri", "http://127.0.0.1:5000/callback"))
            .And.Contain(KeyValuePair.Create("state", "s-1"));
    }
}
