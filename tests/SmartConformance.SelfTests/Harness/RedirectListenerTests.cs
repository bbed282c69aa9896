using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Redirect;

namespace SmartConformance.SelfTests.Harness;

public sealed class RedirectListenerTests
{
    [Test]
    public async Task A_redirect_reaches_the_launch_waiting_for_its_state()
    {
        await using var listener = RedirectListener.Start("http://127.0.0.1:0/callback");
        listener.CallbackUri.Port.Should().BeGreaterThan(0);
        var waiting = listener.ExpectAsync("state-123");

        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri(listener.CallbackUri, "?code=abc&state=state-123"));

        var capture = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        capture.Code.Should().Be("abc");
        capture.State.Should().Be("state-123");
        page.Should().Contain("received the authorization response");
    }

    [Test]
    public async Task A_redirect_without_a_known_state_is_kept_as_unclaimed()
    {
        await using var listener = RedirectListener.Start("http://127.0.0.1:0/callback");
        using var http = new HttpClient();
        await http.GetStringAsync(new Uri(listener.CallbackUri, "?error=access_denied"));
        listener.Unclaimed.Should().ContainSingle(c => c.Error == "access_denied" && c.State == null);
    }

    [Test]
    public async Task A_redirect_to_another_path_is_kept_by_its_state()
    {
        await using var listener = RedirectListener.Start("http://127.0.0.1:0/callback");
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(listener.CallbackUri, "/callback/extra?code=abc&state=stray-1"));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        listener.ArrivedElsewhere("stray-1")!.Code.Should().Be("abc");
        listener.ArrivedElsewhere("other").Should().BeNull();
    }

    [Test]
    public async Task A_form_post_page_submits_its_fields_to_the_action_once()
    {
        await using var listener = RedirectListener.Start("http://127.0.0.1:0/callback");
        var page = listener.ServeFormPost(new Uri("https://as.example/authorize"), [KeyValuePair.Create("state", "a\"b"), KeyValuePair.Create("client_id", "app")]);
        using var http = new HttpClient();

        var html = await http.GetStringAsync(page);
        html.Should().Contain("method=\"post\" action=\"https://as.example/authorize\"")
            .And.Contain("name=\"state\" value=\"a&quot;b\"")
            .And.Contain(".submit()");
        (await http.GetAsync(page)).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "each page is served once");
    }
}
