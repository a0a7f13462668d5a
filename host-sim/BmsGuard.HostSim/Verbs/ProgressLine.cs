using System.Diagnostics;
using System.Globalization;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// One progress line on standard error for long operations (convert, decode, gen, replay): frames so
/// far and, where the input's size is known, the percent of its bytes read. Drawn only when standard
/// error is a terminal, at most <see cref="PerSecond"/> times a second and not before
/// <see cref="FirstAfterMillis"/>; erased before anything else is written to standard error
/// (<see cref="Errors"/>) and when the operation ends, so output and logs never hold it.
/// </summary>
/// <remarks>
/// Written by hand rather than with Spectre.Console's progress display: this is one line
/// redrawn with a carriage return and erased with ESC [K, and the library's live display would take
/// over the console (its own render thread, terminal detection) for a CLI that must stay a plain
/// filter when piped.
/// </remarks>
public sealed class ProgressLine : IDisposable
{
    /// <summary>Most redraws per second.</summary>
    public const int PerSecond = 10;

    /// <summary>Operations shorter than this show no progress at all (unless <see cref="FirstAfterVariable"/> says otherwise).</summary>
    public const int FirstAfterMillis = 200;

    /// <summary>Environment variable naming the delay before the first draw in milliseconds (0: from the first report).</summary>
    public const string FirstAfterVariable = "BMSGUARD_PROGRESS_AFTER_MS";

    private const string Erase = "\r\u001b[K";
    private readonly string _verb;
    private readonly TextWriter _terminal;
    private readonly long _total;
    private readonly string _totalText;
    private readonly long _interval = Stopwatch.Frequency / PerSecond;
    private readonly object _lock = new();
    private long _next;
    private bool _shown;

    private ProgressLine(string verb, TextWriter stderr, TextWriter terminal, long totalBytes)
    {
        _verb = verb;
        _terminal = terminal;
        _total = totalBytes;
        _totalText = totalBytes > 0 ? Megabytes(totalBytes) : string.Empty;
        _next = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * FirstAfter() / 1000);
        Errors = new Guarded(this, stderr);
    }

    /// <summary>Standard error for everything else the operation prints: writing erases the progress line first.</summary>
    public TextWriter Errors { get; }

    /// <summary>
    /// A progress line for <paramref name="verb"/> when <paramref name="stderr"/> is the process's
    /// standard error and that is a terminal; otherwise one that draws nothing.
    /// <paramref name="totalBytes"/> is the input's size (0: unknown, no percent).
    /// </summary>
    public static ProgressLine Start(string verb, TextWriter stderr, long totalBytes, bool quiet = false)
    {
        bool terminal = !quiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var line = new ProgressLine(verb, stderr, terminal ? stderr : TextWriter.Null, totalBytes);
        if (!terminal)
        {
            line._next = long.MaxValue;
        }

        return line;
    }

    /// <summary>Notes the progress: <paramref name="frames"/> so far, <paramref name="bytes"/> of the input read; redraws when due.</summary>
    public void Report(long frames, long bytes)
    {
        if (Stopwatch.GetTimestamp() < _next)
        {
            return;
        }

        string percent = _total > 0 && bytes <= _total
            ? string.Create(CultureInfo.InvariantCulture, $", {100.0 * bytes / _total:F0} % of {_totalText}")
            : bytes > 0 ? ", " + Megabytes(bytes) + " read" : string.Empty;
        Draw(string.Create(CultureInfo.InvariantCulture, $"{_verb}: {frames:N0} frames{percent}"));
    }

    /// <summary>Notes the progress of an operation measured by something else than input bytes (gen: simulated time).</summary>
    public void Report(long frames, double fraction, string of)
    {
        if (Stopwatch.GetTimestamp() < _next)
        {
            return;
        }

        Draw(string.Create(CultureInfo.InvariantCulture, $"{_verb}: {frames:N0} frames, {100 * Math.Clamp(fraction, 0, 1):F0} % of {of}"));
    }

    /// <summary>Erases the line.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _next = long.MaxValue;
            Hide();
        }
    }

    // A value that is not a whole number of milliseconds in 0..60,000 is ignored: progress is cosmetic, never an error.
    private static long FirstAfter() =>
        int.TryParse(Environment.GetEnvironmentVariable(FirstAfterVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int ms) && ms <= 60_000
            ? ms
            : FirstAfterMillis;

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F1} MB");

    private void Draw(string text)
    {
        lock (_lock)
        {
            if (_next == long.MaxValue)
            {
                return;
            }

            _next = Stopwatch.GetTimestamp() + _interval;
            _terminal.Write(Erase + text);
            _terminal.Flush();
            _shown = true;
        }
    }

    private void Hide()
    {
        if (_shown)
        {
            _terminal.Write(Erase);
            _terminal.Flush();
            _shown = false;
        }
    }

    // Standard error as the operation's messages see it: the progress line goes before each write.
    private sealed class Guarded(ProgressLine line, TextWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (line._lock)
            {
                line.Hide();
                inner.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (line._lock)
            {
                line.Hide();
                inner.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (line._lock)
            {
                line.Hide();
                inner.WriteLine(value);
            }
        }

        public override void Flush() => inner.Flush();
    }
}
