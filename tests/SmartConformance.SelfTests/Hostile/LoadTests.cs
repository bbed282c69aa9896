using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;
using SmartConformance.Harness.Profiles;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>The suite's own load on a server is bounded; 429 handling is proven end to end in the hostile matrix.</summary>
[NonParallelizable]
public sealed class LoadTests
{
    [Test]
    public async Task The_suite_never_has_more_requests_in_flight_than_the_profile_allows()
    {
        var server = await HostileFixture.ServerAsync();
        var recorder = new ExchangeRecorder();
        using var http = SuiteHttp.CreateClient(recorder, new HttpSettings { MaxConcurrentRequests = 2, Timeout = TimeSpan.FromSeconds(10) });
        var url = new Uri(server.HttpRoot, "slow/slow");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => http.GetAsync(url)));

        answers.Should().OnlyContain(a => a.IsSuccessStatusCode);
        server.State.MaxInFlight.Should().BeInRange(1, 2);
        recorder.All.Should().HaveCount(10);
    }

    [Test]
    public void The_profile_bounds_concurrency_modestly_by_default_and_rejects_nonsense()
    {
        ProfileLoader.Load(RepoPaths.Profile("example-vendor.json"), name => "x").Profile.Load.MaxConcurrentRequests.Should().Be(4);
        ProfileLoader.Parse(HostileProfile.For("http://127.0.0.1:9/fhir", 8765).ToJsonString(), "p.json").Profile.Load.Should().Be(new LoadProfile(), "the default is modest");
        foreach (var (value, expected) in new[] { (0, "a larger number"), (1000, "a smaller number") })
        {
            var profile = HostileProfile.For("http://127.0.0.1:9/fhir", 8765);
            profile["load"] = new JsonObject { ["maxConcurrentRequests"] = value };
            var act = () => ProfileLoader.Parse(profile.ToJsonString(), "p.json");
            act.Should().Throw<ProfileException>().Which.Problems.Should().Contain(p => p.Path == "$.load.maxConcurrentRequests" && p.Message.Contains(expected));
        }
    }
}
