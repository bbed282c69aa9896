using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.SelfTests.Support;
using SmartConformance.Tests.Framework;

namespace SmartConformance.SelfTests.Harness;

/// <summary>
/// A launch re-authorizes in the browser context where its user signed in during an earlier launch, as an app does while
/// the user's session lasts, so the server's login page is skipped; another user signs in afresh, and a profile with
/// browser.reuseSignIn false signs in for every launch. Real launches against the reference server, which shows its
/// consent page on every authorization.
/// </summary>
[NonParallelizable]
public sealed class SignInReuseTests
{
    [Test]
    public async Task A_second_launch_for_the_same_user_skips_the_login_page_and_still_gets_a_code_and_a_token()
    {
        await using var session = await StartAsync(reuseSignIn: true);

        var first = await LaunchAsync(session, "first", "patient");
        var second = await LaunchAsync(session, "second", "patient");

        SignedIn(first).Should().BeTrue("the run's first launch for a user signs in");
        SignedIn(second).Should().BeFalse("the user's session from the first launch lets the server skip its login page");
        ShowedConsent(second).Should().BeTrue("the reference server asks for consent on every authorization, so the launch starts at the approve step");
        second.AccessToken.Should().NotBe(first.AccessToken);
    }

    [Test]
    public async Task Another_user_signs_in_afresh_even_when_a_signed_in_context_is_free()
    {
        await using var session = await StartAsync(reuseSignIn: true);

        await LaunchAsync(session, "patient", "patient");
        var other = await LaunchAsync(session, "other-patient", "other-patient");

        SignedIn(other).Should().BeTrue("a context is only reused for the user who signed in there");
        other.Token!.Response.TryGet("patient").Should().Be(session.Profile.User("other-patient").Patient, "the token is the other user's");
    }

    [Test]
    public async Task With_reuseSignIn_false_every_launch_signs_in()
    {
        await using var session = await StartAsync(reuseSignIn: false);

        await LaunchAsync(session, "first", "patient");
        var second = await LaunchAsync(session, "second", "patient");

        SignedIn(second).Should().BeTrue("the profile asks for a fresh browser context and login for every launch");
    }

    private static Task<SuiteSession> StartAsync(bool reuseSignIn) =>
        ReferenceSessions.StartAsync("sign-in-reuse", profile => profile with { Browser = profile.Browser with { ReuseSignIn = reuseSignIn } });

    private static async Task<LaunchOutcome> LaunchAsync(SuiteSession session, string label, string user)
    {
        var launch = await StandaloneLaunch.RunAsync(session, label, session.Profile.Launches.StandalonePatient with { User = user }, CancellationToken.None);
        launch.AccessToken.Should().NotBeNull(launch.Problem);
        return launch;
    }

    private static bool SignedIn(LaunchOutcome launch) =>
        launch.BrowserTraffic.Any(e => e.Method == "POST" && e.Url.AbsolutePath.EndsWith("/login", StringComparison.Ordinal));

    // The consent page posts the authorization request back with consent=approve.
    private static bool ShowedConsent(LaunchOutcome launch) =>
        launch.BrowserTraffic.Any(e => e.Method == "POST" && e.RequestBody?.Contains("consent=approve", StringComparison.Ordinal) == true);
}
