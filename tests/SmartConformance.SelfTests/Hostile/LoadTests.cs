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
        var reference = File.ReadAllText(RepoPaths.Profile("reference.json"));
        ProfileLoader.Parse(reference, "reference.json").Profile.Load.MaxConcurrentRequests.Should().Be(4);
        var zero = () => ProfileLoader.Parse(reference.TrimEnd().TrimEnd('}') + ", \"load\": { \"maxConcurrentRequests\": 0 } }", "test.json");
        zero.Should().Throw<ProfileException>().Which.Problems.Should().Contain(p => p.Path == "$.load.maxConcurrentRequests" && p.Message.Contains("a larger number"));
        var huge = () => ProfileLoader.Parse(reference.TrimEnd().TrimEnd('}') + ", \"load\": { \"maxConcurrentRequests\": 1000 } }", "test.json");
        huge.Should().Throw<ProfileException>().Which.Problems.Should().Contain(p => p.Path == "$.load.maxConcurrentRequests" && p.Message.Contains("a smaller number"));
    }
}
