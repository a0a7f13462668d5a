using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Parses a capture on a background thread, a batch of frames ahead of the replay: the caller sees
/// exactly the frames, lines and errors of the wrapped reader, in order. A malformed line is
/// rethrown after every frame before it has been read, so outputs are the same as without read-ahead.
/// </summary>
public sealed class ReadAheadCaptureReader : ICaptureReader
{
    /// <summary>Frames parsed per hand-over.</summary>
    public const int BatchFrames = 4096;

    private const int QueuedBatches = 4;

    private readonly ICaptureReader _inner;
    private readonly BlockingCollection<Batch> _full = new(QueuedBatches);
    private readonly ConcurrentBag<Batch> _free = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private Batch? _current;
    private int _next;
    private long _line;
    private long _consumed;
    private bool _disposed;

    /// <summary>Starts reading <paramref name="inner"/> on a background thread; disposing this disposes it.</summary>
    public ReadAheadCaptureReader(ICaptureReader inner)
    {
        _inner = inner;
        _thread = new Thread(Produce) { IsBackground = true, Name = "bmsguard capture read-ahead" };
        _thread.Start();
    }

    /// <inheritdoc />
    public long Line => _line;

    /// <inheritdoc />
    public long BytesConsumed => _consumed;

    /// <inheritdoc />
    public bool Read(CaptureFrame frame)
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

            if (!_full.TryTake(out _current, Timeout.Infinite))
            {
                return false;
            }

            _next = 0;
            _consumed = _current.BytesConsumed;
        }

        frame.CopyFrom(_current.Frames[_next]);
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
        _stop.Cancel();
        _thread.Join();
        _inner.Dispose();
        _stop.Dispose();
        _full.Dispose();
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
                if (batch.Count > 0 || batch.Failure != null)
                {
                    _full.Add(batch, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed before the end of the capture.
        }
        finally
        {
            _full.CompleteAdding();
        }
    }

    private sealed class Batch
    {
        public readonly CaptureFrame[] Frames = CreateFrames();
        public readonly long[] Lines = new long[BatchFrames];
        public int Count;
        public long BytesConsumed;
        public ExceptionDispatchInfo? Failure;
        public long FailureLine;

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
