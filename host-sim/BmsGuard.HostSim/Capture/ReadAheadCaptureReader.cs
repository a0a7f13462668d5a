using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Parses a capture on a background thread, a batch of frames ahead of the replay: the caller sees
/// exactly the frames, lines and errors of the wrapped reader, in order. A malformed line is
/// rethrown after every frame before it has been read, so outputs are the same as without read-ahead.
/// On request it also formats each frame's candump line there (<see cref="CandumpLine"/>), work the
/// replay thread would otherwise do for every frame it logs as received.
/// </summary>
public sealed class ReadAheadCaptureReader : ICaptureReader
{
    /// <summary>Frames parsed per hand-over.</summary>
    public const int BatchFrames = 4096;

    private const int QueuedBatches = 4;

    private readonly ICaptureReader _inner;
    private readonly CandumpLineFormatter? _format;
    private readonly CandumpLogReader? _candump;
    private readonly HandOffQueue<Batch> _full = new(QueuedBatches);
    private readonly ConcurrentBag<Batch> _free = [];
    private readonly Thread _thread;
    private Batch? _current;
    private int _next;
    private long _line;
    private long _consumed;
    private bool _disposed;
    private volatile ExceptionDispatchInfo? _producerFailure;

    /// <summary>
    /// Starts reading <paramref name="inner"/> on a background thread; disposing this disposes it.
    /// With <paramref name="candumpLines"/>, <see cref="CandumpLine"/> has each frame's candump line.
    /// </summary>
    public ReadAheadCaptureReader(ICaptureReader inner, bool candumpLines = false)
    {
        _inner = inner;
        _format = candumpLines ? new CandumpLineFormatter() : null;
        _candump = inner as CandumpLogReader;
        _thread = new Thread(Produce) { IsBackground = true, Name = "bmsguard capture read-ahead" };
        _thread.Start();
    }

    /// <inheritdoc />
    public long Line => _line;

    /// <inheritdoc />
    public long BytesConsumed => _consumed;

    /// <summary>True when <see cref="CandumpLine"/> is filled.</summary>
    public bool HasCandumpLines => _format != null;

    /// <summary>
    /// The last frame read as a candump line without its newline, as <see cref="CandumpLogWriter"/>
    /// writes it (empty unless created with candumpLines); valid until the next read.
    /// </summary>
    public ReadOnlySpan<byte> CandumpLine =>
        _format == null ? default : _current!.Text.AsSpan(_current.TextStarts[_next - 1], _current.TextStarts[_next] - _current.TextStarts[_next - 1]);

    /// <inheritdoc />
    public bool Read(CaptureFrame frame)
    {
        if (!TryBorrow(out CaptureFrame next))
        {
            return false;
        }

        frame.CopyFrom(next);
        return true;
    }

    /// <summary>
    /// Like <see cref="Read"/>, without the copy: <paramref name="frame"/> is the reader's own,
    /// valid until the next read; false at the end of the capture.
    /// </summary>
    public bool TryBorrow(out CaptureFrame frame)
    {
        while (_current == null || _next == _current.Count)
        {
            if (_current != null)
            {
                Batch done = _current;
                _current = null;
                if (done.Failure != null)
                {
                    _line = done.FailureLine;
                    done.Failure.Throw();
                }

                _free.Add(done);
            }

            if (!_full.Take(out _current))
            {
                // The end, unless the read-ahead thread itself failed outside a read (out of memory).
                _producerFailure?.Throw();
                frame = null!;
                return false;
            }

            _next = 0;
            _consumed = _current.BytesConsumed;
        }

        frame = _current.Frames[_next];
        _line = _current.Lines[_next];
        _next++;
        return true;
    }

    /// <summary>Stops the background thread and closes the wrapped reader.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _full.Cancel();
        _thread.Join();
        _inner.Dispose();
    }

    private void Produce()
    {
        try
        {
            bool more = true;
            while (more)
            {
                Batch batch = _free.TryTake(out Batch? b) ? b : new Batch();
                batch.Count = 0;
                batch.Failure = null;
                try
                {
                    while (batch.Count < BatchFrames && (more = _inner.Read(batch.Frames[batch.Count])))
                    {
                        if (_format != null)
                        {
                            batch.AddText(_format, batch.Frames[batch.Count], _candump == null ? default : _candump.VerbatimLine);
                        }

                        batch.Lines[batch.Count++] = _inner.Line;
                    }
                }
                catch (Exception e)
                {
                    // Handed over with the frames before it; the consumer rethrows it in its place.
                    batch.Failure = ExceptionDispatchInfo.Capture(e);
                    batch.FailureLine = _inner.Line;
                    more = false;
                }

                batch.BytesConsumed = _inner.BytesConsumed;
                if ((batch.Count > 0 || batch.Failure != null) && !_full.Add(batch))
                {
                    return; // disposed before the end of the capture
                }
            }
        }
        catch (Exception e)
        {
            // Anything but a read error (those travel with their batch): the consumer rethrows it
            // instead of taking the early end for the end of the capture.
            _producerFailure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _full.Complete();
        }
    }

    private sealed class Batch
    {
        public readonly CaptureFrame[] Frames = CreateFrames();
        public readonly long[] Lines = new long[BatchFrames];
        public readonly int[] TextStarts = new int[BatchFrames + 1];
        public byte[] Text = [];
        public int Count;
        public long BytesConsumed;
        public ExceptionDispatchInfo? Failure;
        public long FailureLine;

        // Appends frame Count's candump line (called before Count moves past it): the input's
        // own text when it already is that line (most candump captures), else formatted.
        public void AddText(CandumpLineFormatter format, CaptureFrame frame, ReadOnlySpan<byte> verbatim)
        {
            int start = TextStarts[Count];
            if (Text.Length - start < CandumpLineFormatter.MaxLine)
            {
                Array.Resize(ref Text, Math.Max(BatchFrames * 64, Text.Length * 2));
            }

            if (!verbatim.IsEmpty)
            {
                verbatim.CopyTo(Text.AsSpan(start));
                TextStarts[Count + 1] = start + verbatim.Length;
                return;
            }

            TextStarts[Count + 1] = start + format.Format(Text.AsSpan(start), frame);
        }

        private static CaptureFrame[] CreateFrames()
        {
            var frames = new CaptureFrame[BatchFrames];
            for (int i = 0; i < frames.Length; i++)
            {
                frames[i] = new CaptureFrame();
            }

            return frames;
        }
    }
}
