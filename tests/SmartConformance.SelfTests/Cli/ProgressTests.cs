using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Running;
using SmartConformance.Cli.Running.Progress;
using SmartConformance.Harness.Session;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Cli;

/// <summary>Console progress: a live status line on a terminal, one plain line per check everywhere else.</summary>
public sealed class ProgressTests
{
    private static CheckOutcome Outcome(string id, string verdict) =>
        new("t-" + id, id, id + " title", "Discovery", "section", "https://hl7.org/x", [], verdict, "", TimeSpan.FromMilliseconds(5));

    [Test]
    public void Live_progress_shows_group_check_counts_and_time_then_clears_itself()
    {
        var console = new StringWriter();
        var progress = new LiveProgress(console, colour: false, width: () => 200, unicode: false, tick: null);

        progress.Started("DISC-01", "DISC-01 title", "Discovery");
        progress.Status().Should().MatchRegex(@"^\| 00:0\d  0 done  Discovery › DISC-01 DISC-01 title$");
        progress.Finished(Outcome("DISC-01", Verdicts.Pass));
        progress.Started("DISC-04", "DISC-04 title", "Discovery");
        progress.Finished(Outcome("DISC-04", Verdicts.Fail));
        progress.Status().Should().Contain("2 done (1 pass, 1 fail)  Discovery › DISC-04");
        progress.Completed();
        progress.Completed();

        var text = console.ToString();
        var lines = text.Split('\n');
        lines.Should().HaveCount(3, "two check lines, then the cleared status line");
        lines[0].Split('\r').Last().Should().Be(CheckLine.Format(Outcome("DISC-01", Verdicts.Pass)));
        lines[1].Split('\r').Last().Should().Be(CheckLine.Format(Outcome("DISC-04", Verdicts.Fail)));
        lines[2].Split('\r').Last().Should().BeEmpty("the status line is wiped when the run ends, so the summary starts on a clean line");
        text.Should().NotContain("\u001b[", "no colour was asked for");
    }

    [Test]
    public void The_status_line_never_wraps_and_colour_marks_the_verdict()
    {
        var console = new StringWriter();
        using var progress = new LiveProgress(console, colour: true, width: () => 40, unicode: true, tick: null);

        progress.Started("TOK-01", new string('x', 200), "Token endpoint");
        progress.Finished(Outcome("TOK-01", Verdicts.Fail));

        console.ToString().Split('\r', '\n').Should().OnlyContain(segment => segment.Length <= 60);
        console.ToString().Split('\r', '\n').Where(s => s.StartsWith('⠋')).Should().OnlyContain(s => s.TrimEnd().Length <= 39);
        console.ToString().Should().Contain("\u001b[31m  FAIL  TOK-01");
    }

    [Test]
    public void Output_that_is_not_the_process_terminal_gets_one_plain_line_per_check()
    {
        var console = new StringWriter();
        var progress = CheckProgress.For(console, new RunOptions { ProfilePath = "p.json" });
        progress.Should().BeOfType<PlainProgress>();

        progress.Started("DISC-01", "t", "Discovery");
        progress.Finished(Outcome("DISC-01", Verdicts.Pass));
        progress.Completed();

        console.ToString().Should().Be("  PASS  DISC-01   DISC-01 title" + Environment.NewLine);
    }

    [Test]
    public void No_progress_gives_plain_lines_even_on_a_terminal()
    {
        CheckProgress.For(Console.Out, new RunOptions { ProfilePath = "p.json", LiveProgress = false }).Should().BeOfType<PlainProgress>();
    }
}
