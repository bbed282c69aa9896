using System.Diagnostics;
using System.Globalization;
using SmartConformance.Reports.Model;

namespace SmartConformance.Cli.Running.Progress;

/// <summary>
/// On a terminal: each finished check prints its line (coloured when the terminal takes ANSI colours), and one status
/// line below them shows the current group and check, the counts so far and the elapsed time, redrawn every second.
/// The status line is redrawn with a carriage return and spaces, so it needs no cursor control.
/// </summary>
public sealed class LiveProgress : ICheckProgress, IDisposable
{
    private static readonly string[] UnicodeSpinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private static readonly string[] AsciiSpinner = ["|", "/", "-", "\\"];

    private readonly TextWriter _console;
    private readonly bool _colour;
    private readonly Func<int> _width;
    private readonly string[] _spinner;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Timer? _timer;
    private string _current = "starting";
    private int _shownLength;
    private int _frame;
    private bool _completed;

    /// <param name="console">The terminal.</param>
    /// <param name="colour">Whether to colour verdicts with ANSI escapes.</param>
    /// <param name="width">The terminal's width in columns; the status line stays shorter so it never wraps.</param>
    /// <param name="unicode">Whether the terminal shows Unicode (a braille spinner) or only ASCII.</param>
    /// <param name="tick">How often the status line is redrawn by itself; null for never (tests).</param>
    public LiveProgress(TextWriter console, bool colour, Func<int> width, bool unicode, TimeSpan? tick)
    {
        _console = console;
        _colour = colour;
        _width = width;
        _spinner = unicode ? UnicodeSpinner : AsciiSpinner;
        if (tick is { } period)
            _timer = new Timer(_ => Redraw(advance: true), null, period, period);
    }

    public void Started(string id, string title, string group)
    {
        lock (_lock)
        {
            _current = $"{group} › {id} {title}";
            DrawStatus();
        }
    }

    public void Finished(CheckOutcome outcome)
    {
        lock (_lock)
        {
            if (_completed)
                return;
            _counts[outcome.Verdict] = _counts.GetValueOrDefault(outcome.Verdict) + 1;
            ClearStatus();
            _console.WriteLine(Colour(outcome.Verdict, CheckLine.Format(outcome)));
            DrawStatus();
        }
    }

    public void Completed()
    {
        lock (_lock)
        {
            if (_completed)
                return;
            _completed = true;
            _timer?.Dispose();
            ClearStatus();
            _console.Flush();
        }
    }

    public void Dispose() => Completed();

    /// <summary>The status line as it would be drawn now, before it is cut to the terminal's width.</summary>
    public string Status()
    {
        lock (_lock)
        {
            var done = _counts.Values.Sum();
            var counts = string.Join(", ", new[] { Verdicts.Pass, Verdicts.Fail, Verdicts.Error, Verdicts.Warn, Verdicts.Skip }
                .Where(v => _counts.GetValueOrDefault(v) > 0).Select(v => $"{_counts[v]} {v}"));
            var elapsed = _clock.Elapsed;
            var time = string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}");
            return $"{_spinner[_frame % _spinner.Length]} {time}  {done} done{(counts.Length > 0 ? " (" + counts + ")" : "")}  {_current}";
        }
    }

    private void Redraw(bool advance)
    {
        lock (_lock)
        {
            if (_completed)
                return;
            if (advance)
                _frame++;
            DrawStatus();
        }
    }

    private void DrawStatus()
    {
        if (_completed)
            return;
        var status = Status();
        var max = Math.Max(20, SafeWidth() - 1);
        if (status.Length > max)
            status = status[..(max - 1)] + "…";
        var pad = Math.Max(0, _shownLength - status.Length);
        _console.Write("\r" + status + new string(' ', pad));
        _shownLength = status.Length;
        _console.Flush();
    }

    private void ClearStatus()
    {
        if (_shownLength == 0)
            return;
        _console.Write("\r" + new string(' ', _shownLength) + "\r");
        _shownLength = 0;
    }

    private int SafeWidth()
    {
        try
        {
            var width = _width();
            return width > 0 ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    private string Colour(string verdict, string line)
    {
        if (!_colour)
            return line;
        var code = verdict switch
        {
            Verdicts.Pass => "32",
            Verdicts.Fail => "31",
            Verdicts.Error => "33",
            Verdicts.Warn => "33",
            _ => "90",
        };
        return $"\u001b[{code}m{line}\u001b[0m";
    }
}
