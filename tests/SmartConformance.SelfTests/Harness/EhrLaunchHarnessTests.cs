using System.Net;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Redirect;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Harness;

/// <summary>The harness side of the EHR launch: the launch URL on the redirect listener, the start URL template, the profile entry.</summary>
public sealed class EhrLaunchHarnessTests
{
    [Test]
    public async Task A_launch_reaches_the_flow_waiting_for_its_key_and_the_browser_is_sent_where_it_says()
    {
        await using var listener = RedirectListener.Start("http://127.0.0.1:0/callback");
        LaunchCapture? first = null, second = null;
        var firstUrl = listener.ExpectLaunch("first", c => { first = c; return Task.FromResult<Uri?>(new Uri("http://127.0.0.1:9/authorize?one")); });
        var secondUrl = listener.ExpectLaunch("second", c => { second = c; return Task.FromResult<Uri?>(null); });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var toSecond = await http.GetAsync(secondUrl + "?iss=https%3A%2F%2Fehr.example%2Ffhir&launch=xyz");
        using var toFirst = await http.GetAsync(firstUrl + "?iss=https%3A%2F%2Fehr.example%2Ffhir&launch=abc");

        firstUrl.AbsolutePath.Should().StartWith("/launch/");
        toFirst.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toFirst.Headers.Location!.AbsoluteUri.Should().Be("http://127.0.0.1:9/authorize?one");
        first!.Launch.Should().Be("abc");
        first.Iss.Should().Be("https://ehr.example/fhir");
        toSecond.StatusCode.Should().Be(HttpStatusCode.OK);
        second!.Launch.Should().Be("xyz");
    }

    [Test]
    public async Task A_launch_at_the_bare_launch_url_goes_to_the_oldest_waiting_flow_and_an_unexpected_one_is_404()
    {
        await using var listener = RedirectListener.Start("http://127.0.0.1:0/callback");
        LaunchCapture? captured = null;
        listener.ExpectLaunch("only", c => { captured = c; return Task.FromResult<Uri?>(null); });
        using var http = new HttpClient();

        using var launched = await http.GetAsync(listener.LaunchUri + "?iss=x&launch=registered-url");
        using var unexpected = await http.GetAsync(listener.LaunchUri + "?iss=x&launch=again");

        captured!.Launch.Should().Be("registered-url");
        launched.StatusCode.Should().Be(HttpStatusCode.OK);
        unexpected.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public void The_start_url_placeholders_are_filled_and_escaped()
    {
        var ehr = new EhrLaunchProfile
        {
            Client = "c", User = "u", Scope = "launch", Patient = "p 1", Encounter = "e1",
            Start = "{origin}/ehr?launch_url={launchUrl}&client_id={clientId}&patient={patient}&encounter={encounter}&base={fhirBaseUrl}",
        };
        var client = new ClientProfile { Name = "c", ClientId = "my app", Authentication = "none" };

        var url = EhrLaunchStart.Resolve(ehr, new Uri("http://127.0.0.1:8080/fhir/"), new Uri("http://127.0.0.1:5000/launch/k"), client);

        url.AbsoluteUri.Should().Be("http://127.0.0.1:8080/ehr?launch_url=http%3A%2F%2F127.0.0.1%3A5000%2Flaunch%2Fk&client_id=my%20app&patient=p%201&encounter=e1&base=http://127.0.0.1:8080/fhir");
    }

    [Test]
    public void The_reference_profile_describes_an_ehr_launch()
    {
        var ehr = ProfileLoader.Load(RepoPaths.Profile("reference.json")).Profile.Launches.Ehr!;

        ehr.Scope.Split(' ').Should().Contain("launch");
        ehr.Patient.Should().Be("patient-2");
        ehr.Steps.Should().ContainSingle(s => s.Selector == "#launch-app");
    }

    [Test]
    public void An_ehr_launch_naming_an_unknown_user_is_rejected()
    {
        var json = File.ReadAllText(RepoPaths.Profile("reference.json")).Replace("\"user\": \"clinician\"", "\"user\": \"nobody\"");

        var act = () => ProfileLoader.Parse(json, "test.json", _ => null);

        act.Should().Throw<ProfileException>().Which.Problems.Should().Contain(p => p.Path == "$.launches.ehr.user" && p.Message.Contains("nobody"));
    }

    [Test]
    public void A_confidential_launch_with_a_public_client_is_rejected()
    {
        var json = File.ReadAllText(RepoPaths.Profile("reference.json"))
            .Replace("\"confidential\": { \"client\": \"confidential\"", "\"confidential\": { \"client\": \"public\"");

        var act = () => ProfileLoader.Parse(json, "test.json", _ => null);

        act.Should().Throw<ProfileException>().Which.Problems.Should().Contain(p => p.Path == "$.launches.confidential.client");
    }
}
