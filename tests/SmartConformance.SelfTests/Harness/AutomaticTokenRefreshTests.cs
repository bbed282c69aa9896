using FluentAssertions;
using Microsoft.AspNetCore.WebUtilities;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;
using SmartConformance.SelfTests.Support;
using SmartConformance.Tests.Framework;

namespace SmartConformance.SelfTests.Harness;

/// <summary>
/// A launch's access token that expires during a long run is refreshed by the suite before a check that only reads FHIR
/// uses it (onc-healthit/inferno-community#363): real launches against the reference server, whose short-lived clients'
/// access tokens live 3 s ("short-lived-offline" also gets a refresh token, "short-lived" does not).
/// </summary>
[NonParallelizable]
public sealed class AutomaticTokenRefreshTests
{
    private SuiteSession _session = null!;
    private string PatientPath => $"Patient/{_session.Profile.User(_session.Profile.Launches.StandalonePatient.User).Patient}";

    [OneTimeSetUp]
    public async Task StartASession() => _session = await ReferenceSessions.StartAsync("auto-refresh");

    [OneTimeTearDown]
    public async Task StopTheSession() => await _session.DisposeAsync();

    [Test]
    public async Task An_expired_launch_token_with_a_refresh_token_is_refreshed_once_for_concurrent_checks_and_reads_FHIR_again()
    {
        var launch = await LaunchAsync("short-lived-offline", withOfflineAccess: true);
        var earlier = AutoRefreshes().Count;
        launch.Token!.Response.RefreshToken.Should().NotBeNullOrEmpty("the short-lived-offline client is registered for offline access");
        await PastExpiryAsync(launch.Token);
        (await ReadAsync(launch.AccessToken!)).Status.Should().Be(401, "the launch's own token has expired");

        var asked = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _session.FreshAccessTokenAsync(launch, CancellationToken.None)));

        asked.Select(f => f.AccessToken).Distinct().Should().ContainSingle("concurrent checks share one refresh")
            .Which.Should().NotBe(launch.AccessToken);
        AutoRefreshes(since: earlier).Should().ContainSingle().Which.Status.Should().Be(200);
        asked[0].Refresh!.Exchange.Should().BeSameAs(AutoRefreshes(since: earlier)[0], "the refresh is handed to the checks for their evidence");
        (await ReadAsync(asked[0].AccessToken!)).Status.Should().Be(200);
        _session.Notices.Should().Contain(n => n.Contains("short-lived-offline launch") && n.Contains("refreshed it automatically"));

        // The server rotates refresh tokens: the next refresh must present the rotated one, not the launch's original.
        await PastExpiryAsync(asked[0].Refresh!);
        var again = await _session.FreshAccessTokenAsync(launch, CancellationToken.None);

        AutoRefreshes(since: earlier).Should().HaveCount(2);
        QueryHelpers.ParseQuery(AutoRefreshes(since: earlier)[1].RequestBody)["refresh_token"].ToString().Should().Be(asked[0].Refresh!.Response.RefreshToken);
        (await ReadAsync(again.AccessToken!)).Status.Should().Be(200);
        _session.Notices.Should().ContainSingle(n => n.Contains("short-lived-offline launch"), "one notice per launch, however often it is refreshed");
    }

    [Test]
    public async Task An_expired_launch_token_without_a_refresh_token_is_a_harness_error_that_says_what_to_do()
    {
        var launch = await LaunchAsync("short-lived", withOfflineAccess: false);
        launch.Token!.Response.RefreshToken.Should().BeNullOrEmpty("the short-lived client is not registered for offline access");
        var refreshesBefore = AutoRefreshes().Count;
        await PastExpiryAsync(launch.Token);

        var fresh = await _session.FreshAccessTokenAsync(launch, CancellationToken.None);

        fresh.AccessToken.Should().BeNull();
        fresh.Problem.Should().Contain("short-lived launch").And.Contain("expired before this check could use it").And.Contain($"expires_in {launch.Token.Response.ExpiresIn} s")
            .And.Contain("no refresh_token").And.Contain("longer access token lifetime").And.Contain("offline_access");
        AutoRefreshes().Should().HaveCount(refreshesBefore, "there was nothing to refresh with");
    }

    [Test]
    public async Task An_expired_launch_token_whose_refresh_is_refused_is_a_harness_error_that_quotes_the_refusal()
    {
        var launch = await LaunchAsync("short-lived-offline", withOfflineAccess: true);
        var revocation = (await _session.DiscoveryAsync()).Configuration!.Url("revocation_endpoint")!;
        var revoked = await OAuthFormPost.SendAsync(_session.Http, revocation, "revoke-refresh-token",
            [new("token", launch.Token!.Response.RefreshToken!), new("token_type_hint", "refresh_token")], _session.Profile.Client("short-lived-offline"), CancellationToken.None);
        revoked.Status.Should().Be(200, "the reference server revokes a public client's own refresh token");
        await PastExpiryAsync(launch.Token);

        var fresh = await _session.FreshAccessTokenAsync(launch, CancellationToken.None);
        var again = await _session.FreshAccessTokenAsync(launch, CancellationToken.None);

        fresh.AccessToken.Should().BeNull();
        fresh.Problem.Should().Contain("short-lived-offline launch").And.Contain("could not refresh it").And.Contain("invalid_grant");
        fresh.Refresh!.Exchange!.Status.Should().Be(400, "the refused refresh is the check's evidence");
        again.Refresh.Should().BeSameAs(fresh.Refresh, "a refresh that failed once is not tried again");
    }

    [TestCase(3, 1.5)]
    [TestCase(20, 5)]
    [TestCase(3600, 360)]
    public void A_token_stays_fresh_until_a_margin_before_its_expiry(double expiresIn, double marginSeconds)
    {
        var sent = DateTimeOffset.UnixEpoch;
        var freshness = new TokenFreshness(sent, expiresIn);

        TokenFreshness.Margin(TimeSpan.FromSeconds(expiresIn)).Should().Be(TimeSpan.FromSeconds(marginSeconds));
        freshness.IsFresh(sent.AddSeconds(expiresIn - marginSeconds - 0.1)).Should().BeTrue();
        freshness.IsFresh(sent.AddSeconds(expiresIn - marginSeconds + 0.1)).Should().BeFalse();
        freshness.IsExpired(sent.AddSeconds(expiresIn - 0.1)).Should().BeFalse();
        freshness.IsExpired(sent.AddSeconds(expiresIn)).Should().BeTrue();
    }

    [Test]
    public void A_token_without_expires_in_is_used_as_it_is() =>
        new TokenFreshness(DateTimeOffset.UnixEpoch, null).IsFresh(DateTimeOffset.MaxValue).Should().BeTrue();

    private async Task<LaunchOutcome> LaunchAsync(string client, bool withOfflineAccess)
    {
        var standalone = _session.Profile.Launches.StandalonePatient;
        var profile = standalone with { Client = client, Scope = withOfflineAccess ? standalone.Scope + " offline_access" : standalone.Scope };
        var launch = await StandaloneLaunch.RunAsync(_session, client, profile, CancellationToken.None);
        launch.AccessToken.Should().NotBeNull(launch.Problem);
        launch.Token!.Response.ExpiresIn.Should().BeInRange(1, 10, "the reference server's short-lived clients get tokens that live seconds");
        return launch;
    }

    // Bounded by the short-lived tokens' expires_in (3 s) plus two seconds, so the server has surely let the token go.
    private static Task PastExpiryAsync(TokenCall issued)
    {
        var left = issued.SentAt.AddSeconds(issued.Response.ExpiresIn + 2) - DateTimeOffset.UtcNow;
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
    }

    private Task<FhirRead> ReadAsync(string token) =>
        FhirRead.GetAsync(_session.Http, _session.FhirBaseUrl, PatientPath, token, "fhir-read", CancellationToken.None);

    /// <param name="since">How many automatic refreshes the session had made before (other tests share the session).</param>
    private List<HttpExchange> AutoRefreshes(int since = 0) => _session.Recorder.All.Where(e => e.Name == LaunchTokens.ExchangeName).Skip(since).ToList();
}
