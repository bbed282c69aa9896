using NUnit.Framework;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Session;

namespace SmartConformance.Tests.Framework;

/// <summary>
/// Base of every conformance fixture: access to the run's session, and the three ways a check ends that is
/// not a pass — <see cref="Fail"/> (the server broke the requirement), <see cref="Skip"/> (it does not apply
/// or a prerequisite is missing) and <see cref="HarnessException"/> (the suite could not decide).
/// </summary>
public abstract class ConformanceFixture
{
    protected static SuiteSession Session => SuiteSession.Current;

    private static string CheckKey => TestContext.CurrentContext.Test.ID;

    /// <summary>Attaches exchanges made elsewhere (a shared launch) to this check's evidence.</summary>
    protected static void Uses(params HttpExchange?[] exchanges) => Session.Evidence.Use(CheckKey, exchanges);

    protected static void Uses(IEnumerable<BrowserArtifact> artifacts) => Session.Evidence.Use(CheckKey, artifacts);

    /// <summary>Fails the check with the problem, the exchange behind it and the requirement it breaks.</summary>
    protected static void Fail(string problem, HttpExchange? exchange, string requirement)
    {
        Uses(exchange);
        var url = TestContext.CurrentContext.Test.Properties.Get(CheckProperties.SpecUrl) as string;
        Assert.Fail(FailureMessage.Compose(problem, exchange, requirement, url));
    }

    protected static void Skip(string reason) => Assert.Ignore(reason);

    /// <summary>
    /// The launch a check depends on, attached as evidence. When the launch could not run, the check does not
    /// guess: a harness problem makes it "error", a server problem "skip" naming the check that reports it.
    /// </summary>
    protected static LaunchOutcome RequireLaunch(LaunchOutcome launch, string reportedBy, Func<LaunchOutcome, bool> has)
    {
        Uses(launch.BrowserTraffic.ToArray());
        Uses(launch.Token?.Exchange);
        Uses(launch.Artifacts);
        if (has(launch)) return launch;
        if (launch.ProblemIsHarness) throw new HarnessException($"The {launch.Label} launch could not be completed: {launch.Problem}");
        Skip($"Prerequisite missing: the {launch.Label} launch stopped early ({launch.Problem ?? "no detail"}); {reportedBy} reports why.");
        return launch;
    }

    /// <summary>
    /// The launch's access token for a check that only reads FHIR with it: refreshed automatically when it is about to
    /// expire (the refresh joins the check's evidence); an expired token the suite cannot refresh makes the check
    /// "error", not "fail". Checks that test expiry, refresh or revocation use <see cref="LaunchOutcome.AccessToken"/>.
    /// </summary>
    protected static async Task<string> FreshTokenAsync(LaunchOutcome launch)
    {
        var fresh = await Session.FreshAccessTokenAsync(launch, CancellationToken.None);
        Uses(fresh.Refresh?.Exchange);
        return fresh.AccessToken ?? throw new HarnessException(fresh.Problem!);
    }
}
