using FluentAssertions;
using NUnit.Framework;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>
/// A broken or hostile server can never crash, hang or blind the suite: for each behaviour the run ends in bounded
/// time, writes every report, and the checks that meet the damage fail (or error) with a message naming the cause,
/// while the other checks still reach their verdicts.
/// </summary>
[NonParallelizable]
public sealed class HostileMatrixTests
{
    // Well under the hostile profile's runSeconds (120): the run must end by itself, with margin for a loaded CI machine.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public static IEnumerable<TestCaseData> Cases() => HostileCases.All.Select(c => new TestCaseData(c).SetName($"Hostile {c.Label}: {c.Summary}"));

    [TestCaseSource(nameof(Cases))]
    public async Task The_run_ends_writes_its_report_and_names_the_cause(HostileCase hostile)
    {
        var server = await HostileFixture.ServerAsync();
        var run = await HostileRuns.RunAsync(hostile.Label, hostile.FhirBase(server), hostile.Profile, hostile.Options);

        run.ShouldHaveEndedCleanly(Bound);
        foreach (var expect in hostile.Expectations)
        {
            var check = run.Check(expect.Check);
            var shown = $"{expect.Check} → {check.Verdict}: {check.Message}\n--- console ---\n{run.Console}";
            check.Verdict.Should().Be(expect.Verdict, shown);
            foreach (var fragment in expect.Fragments) check.Message.Should().Contain(fragment, shown);
        }
        hostile.Then?.Invoke(run);
    }

    [Test]
    public void The_matrix_covers_every_behaviour_the_server_has()
    {
        var covered = HostileCases.All.Select(c => c.Behaviour).Append("slow").ToHashSet();
        Behaviours.All.Keys.Should().BeSubsetOf(covered);
        HostileCases.All.Count.Should().BeGreaterThanOrEqualTo(25);
    }
}
