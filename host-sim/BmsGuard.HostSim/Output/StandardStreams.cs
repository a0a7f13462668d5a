using Microsoft.Win32.SafeHandles;

namespace BmsGuard.HostSim.Output;

/// <summary>
/// The process's standard input and output as byte streams, for captures named <c>-</c>.
/// Why not only <see cref="Console.OpenStandardOutput()"/>: its writes ignore a broken pipe (the
/// reader of <c>| head</c> went away), so a long conversion would run to its end for nobody; on a
/// pipe the output is a <see cref="FileStream"/>, whose writes fail with EPIPE (<see cref="IsBrokenPipe"/>).
/// On a regular file or a terminal it is the console stream, which writes at the descriptor's
/// offset (a <see cref="FileStream"/> would keep its own, and write over what came before it).
/// </summary>
public static class StandardStreams
{
    /// <summary>The name that means standard input or output where a capture goes.</summary>
    public const string Dash = "-";

    /// <summary>How standard input is named in messages.</summary>
    public const string InputName = "<stdin>";

    /// <summary>How standard output is named in messages.</summary>
    public const string OutputName = "<stdout>";

    // Linux's errno for a write to a pipe nobody reads; .NET reports it as the IOException's HResult.
    private const int EPipe = 32;

    /// <summary>True for <c>-</c>.</summary>
    public static bool IsDash(string? path) => path == Dash;

    /// <summary>True when standard output is a terminal (nothing redirects it).</summary>
    public static bool OutputIsTerminal => !Console.IsOutputRedirected;

    /// <summary>Standard input, read as it comes (never seeked).</summary>
    public static Stream OpenInput() => Console.OpenStandardInput();

    /// <summary>Standard output for bytes; closing it leaves the descriptor open.</summary>
    public static Stream OpenOutput()
    {
        var probe = Probe(1, FileAccess.Write);
        if (probe is { CanSeek: false })
        {
            return probe;
        }

        probe?.Dispose();
        return Console.OpenStandardOutput();
    }

    /// <summary>
    /// Standard output as text for a verb whose output is <paramref name="stdout"/>: when that is the
    /// console, a buffered writer on <see cref="OpenOutput"/> (one write per 64 KiB, not per line, and a
    /// broken pipe ends the verb); otherwise <paramref name="stdout"/> itself (tests). Dispose it to flush.
    /// <paramref name="lineByLine"/> flushes every write, for a terminal or a live input (<c>candump | bmsguard decode -</c>).
    /// </summary>
    public static TextWriter Text(TextWriter stdout, bool lineByLine = false) =>
        ReferenceEquals(stdout, Console.Out)
            ? new StreamWriter(OpenOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = lineByLine }
            : new NonClosing(stdout);

    /// <summary>Bytes left on standard input when it is a regular file (<c>&lt; file</c>), else 0 (unknown).</summary>
    public static long InputLength()
    {
        using var probe = Probe(0, FileAccess.Read);
        return probe is { CanSeek: true } ? Math.Max(0, probe.Length - probe.Position) : 0;
    }

    /// <summary>True when <paramref name="e"/> (or what it wraps) is a write to a pipe whose reader has gone.</summary>
    public static bool IsBrokenPipe(Exception? e)
    {
        for (; e != null; e = e.InnerException)
        {
            if (e is IOException { HResult: EPipe } || (e is IOException && e.Message.Contains("Broken pipe", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static FileStream? Probe(int fd, FileAccess access)
    {
        try
        {
            return new FileStream(new SafeFileHandle(fd, ownsHandle: false), access, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null; // closed or not a file: the console stream reports what is wrong on use
        }
    }

    // A writer that passes text on and leaves the caller's writer open when disposed.
    private sealed class NonClosing(TextWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value);

        public override void Write(string? value) => inner.Write(value);

        public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);

        public override void Write(System.Text.StringBuilder? value) => inner.Write(value);

        public override void Flush() => inner.Flush();

        protected override void Dispose(bool disposing) => inner.Flush();
    }
}
