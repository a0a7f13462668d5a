using System.Diagnostics;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// The frames of live interfaces, in arrival order, as a capture reader: what the replay engine
/// and the recorder read from a file they read from here. One thread per interface receives into a
/// bounded queue (frames beyond it are counted per interface, never lost silently); <see cref="Read"/>
/// waits for the next frame and ends at the deadline, on <see cref="Stop"/> or when an interface
/// fails (<see cref="Failure"/>), after the receiving threads have ended and everything they
/// received has been handed out.
/// </summary>
public sealed class LiveBuses : ICaptureReader
{
    /// <summary>Frames the queue holds between the receiving threads and the reader.</summary>
    public const int QueueFrames = 1 << 14;

    private readonly ICanInterface[] _interfaces;
    private readonly string[] _channels;
    private readonly bool _hostTime;
    private readonly CaptureFrame[] _ring = new CaptureFrame[QueueFrames];
    private readonly long[] _arrival = new long[QueueFrames];
    private readonly long[] _received;
    private readonly long[] _overruns;
    private readonly object _gate = new();
    private readonly Thread[] _threads;
    private readonly CancellationToken _cancel;
    private int _head;
    private int _count;
    private long _frames;
    private long _nextBeat;
    private long _lastStamp;
    private volatile bool _stopping;
    private volatile CanInterfaceException? _failure;

    /// <summary>
    /// Receives from <paramref name="interfaces"/> (opened by the caller), labelling their frames
    /// <paramref name="channels"/>. <paramref name="hostTime"/> stamps frames with their arrival time on
    /// this host (monotonic across interfaces: the guard's clock); else the adapter's or kernel's time is kept.
    /// </summary>
    public LiveBuses(ICanInterface[] interfaces, string[] channels, bool hostTime, CancellationToken cancel)
    {
        _interfaces = interfaces;
        _channels = channels;
        _hostTime = hostTime;
        _cancel = cancel;
        _received = new long[interfaces.Length];
        _overruns = new long[interfaces.Length];
        for (int i = 0; i < _ring.Length; i++)
        {
            _ring[i] = new CaptureFrame();
        }

        _threads = new Thread[interfaces.Length];
        for (int i = 0; i < interfaces.Length; i++)
        {
            int index = i;
            _threads[i] = new Thread(() => ReceiveLoop(index)) { IsBackground = true, Name = "receive " + interfaces[i].Name };
        }
    }

    /// <summary>Called about once a second on the reading thread (flush logs, print status).</summary>
    public Action? EverySecond { get; set; }

    /// <summary>Stopwatch ticks at which reading ends; long.MaxValue for no limit.</summary>
    public long DeadlineTicks { get; set; } = long.MaxValue;

    /// <summary>Stopwatch ticks at which the frame last handed out by <see cref="Read"/> arrived.</summary>
    public long CurrentArrivalTicks { get; private set; }

    /// <summary>The interface failure that ended the run, or null.</summary>
    public CanInterfaceException? Failure => _failure;

    /// <summary>Why reading ended: "duration", "stopped" (Ctrl-C), "failed", or null while it goes on.</summary>
    public string? EndReason { get; private set; }

    /// <inheritdoc />
    public long Line => _frames;

    /// <inheritdoc />
    public long BytesConsumed => 0;

    /// <summary>Frames received from interface <paramref name="index"/>.</summary>
    public long Received(int index) => Interlocked.Read(ref _received[index]);

    /// <summary>Frames from interface <paramref name="index"/> lost because the queue was full.</summary>
    public long Overruns(int index) => Interlocked.Read(ref _overruns[index]);

    /// <summary>Starts receiving.</summary>
    public void Start()
    {
        _nextBeat = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        foreach (var t in _threads)
        {
            t.Start();
        }
    }

    /// <summary>Ends the run because <paramref name="failure"/> happened (also from a sending thread).</summary>
    public void Fail(CanInterfaceException failure)
    {
        _failure ??= failure;
        Stop();
    }

    /// <summary>Stops receiving; <see cref="Read"/> hands out what is queued, then ends.</summary>
    public void Stop()
    {
        _stopping = true;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc />
    public bool Read(CaptureFrame frame)
    {
        while (true)
        {
            long now = Stopwatch.GetTimestamp();
            if (now >= _nextBeat)
            {
                _nextBeat = now + Stopwatch.Frequency;
                EverySecond?.Invoke();
            }

            if (!_stopping && (now >= DeadlineTicks || _cancel.IsCancellationRequested))
            {
                EndReason = now >= DeadlineTicks ? "duration" : "stopped";
                Stop();
            }

            lock (_gate)
            {
                if (_count > 0)
                {
                    frame.CopyFrom(_ring[_head]);
                    CurrentArrivalTicks = _arrival[_head];
                    _head = _head + 1 == _ring.Length ? 0 : _head + 1;
                    _count--;
                    _frames++;
                    return true;
                }

                // A frame a receiving thread got while stopping is still handed out: end once they are done.
                if (_stopping && !Array.Exists(_threads, t => t.IsAlive))
                {
                    EndReason ??= _failure != null ? "failed" : "stopped";
                    return false;
                }

                Monitor.Wait(_gate, 100);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        foreach (var t in _threads)
        {
            if (t.IsAlive)
            {
                t.Join();
            }
        }
    }

    private void ReceiveLoop(int index)
    {
        var iface = _interfaces[index];
        var frame = new CaptureFrame();
        try
        {
            while (!_stopping)
            {
                if (!iface.Receive(frame, 100))
                {
                    continue;
                }

                frame.Channel = _channels[index];
                Interlocked.Increment(ref _received[index]);
                long ticks = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    if (_count == _ring.Length)
                    {
                        _overruns[index]++;
                        continue;
                    }

                    int tail = _head + _count;
                    var slot = _ring[tail >= _ring.Length ? tail - _ring.Length : tail];
                    slot.CopyFrom(frame);
                    if (_hostTime)
                    {
                        // Under the lock: arrival times never go backwards across interfaces.
                        _lastStamp = slot.TimestampNanos = Math.Max(_lastStamp, HostClock.NowNanos);
                    }

                    _arrival[tail >= _ring.Length ? tail - _ring.Length : tail] = ticks;
                    _count++;
                    if (_count == 1)
                    {
                        Monitor.Pulse(_gate);
                    }
                }
            }
        }
        catch (CanInterfaceException e)
        {
            Fail(e);
        }
    }
}
