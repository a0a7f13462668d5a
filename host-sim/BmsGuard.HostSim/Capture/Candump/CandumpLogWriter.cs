namespace BmsGuard.HostSim.Capture.Candump;

/// <summary>
/// Writes <c>candump -l</c> logs exactly as can-utils does (see <see cref="CandumpLineFormatter"/>);
/// on an <see cref="Output.SpooledStream"/> lines are formatted straight into its chunks
/// (<see cref="BufferedCaptureWriter"/>).
/// </summary>
public sealed class CandumpLogWriter : BufferedCaptureWriter
{
    private readonly CandumpLineFormatter _format = new();

    /// <summary>Writes to <paramref name="stream"/> (the writer buffers itself).</summary>
    public CandumpLogWriter(Stream stream, CaptureWriterOptions? options = null)
        : base(stream, options)
    {
    }

    /// <summary>Writes one frame (sub-microsecond time is truncated, as candump's format has 6 decimals).</summary>
    public override void Write(CaptureFrame frame)
    {
        Span<byte> b = Reserve(CandumpLineFormatter.MaxLine);
        EndLine(b, _format.Format(b, frame), default);
    }

    /// <summary>
    /// Writes <paramref name="line"/>, a line formatted by a <see cref="CandumpLineFormatter"/> (no
    /// newline), followed after a space by <paramref name="annotation"/> when there is one: not
    /// candump syntax, for decision logs only. A frame logged twice is formatted once.
    /// </summary>
    public void WriteLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> annotation)
    {
        Span<byte> b = Reserve(line.Length + annotation.Length + 2);
        line.CopyTo(b);
        EndLine(b, line.Length, annotation);
    }

    /// <summary>
    /// Writes <paramref name="line"/> (as for <see cref="WriteLine"/>) with the interface name that
    /// stands in it from <paramref name="nameStart"/> to <paramref name="nameEnd"/> replaced by
    /// <paramref name="name"/>: the same frame, logged as it left on another interface.
    /// </summary>
    public void WriteLineOnInterface(ReadOnlySpan<byte> line, int nameStart, int nameEnd, ReadOnlySpan<byte> name)
    {
        int length = line.Length - (nameEnd - nameStart) + name.Length;
        Span<byte> b = Reserve(length + 1);
        line[..nameStart].CopyTo(b);
        name.CopyTo(b[nameStart..]);
        line[nameEnd..].CopyTo(b[(nameStart + name.Length)..]);
        EndLine(b, length, default);
    }

    // Appends " annotation" (when there is one) and the newline to the line of n bytes in b, and counts it.
    private void EndLine(Span<byte> b, int n, ReadOnlySpan<byte> annotation)
    {
        if (!annotation.IsEmpty)
        {
            b[n++] = (byte)' ';
            annotation.CopyTo(b[n..]);
            n += annotation.Length;
        }

        b[n++] = (byte)'\n';
        Advance(n);
        Count++;
    }
}
