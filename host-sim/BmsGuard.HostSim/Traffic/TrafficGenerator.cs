using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// Synthesizes a capture for a DBC: the physical model (<see cref="BatteryModel"/>) runs in 1 ms
/// steps; every message with a cycle (its GenMsgCycleTime, or from <see cref="CycleTimes"/>) is
/// encoded (<see cref="MessageSynthesizer"/>) at that cycle, with a fixed phase and a seeded jitter of up to ±40 µs; the scripted TCU events
/// (<see cref="TcuScript"/>) come every minute. Messages sent by the TCU node go on can1, all
/// others (the BMS and the rest of the vehicle bus) on can0. Seeded and deterministic: the same
/// DBC, options and seed give the same frames. Streams in constant memory.
/// </summary>
public sealed class TrafficGenerator
{
    /// <summary>2026-01-01T00:00:00Z, the default capture start.</summary>
    public const long DefaultStartNanos = 1_767_225_600L * 1_000_000_000;

    /// <summary>Interface of the BMS side.</summary>
    public const string BmsChannel = "can0";

    /// <summary>Interface of the TCU side.</summary>
    public const string TcuChannel = "can1";

    /// <summary>The DBC node whose messages are TCU traffic.</summary>
    public const string TcuNode = "TCU";

    /// <summary>Largest jitter around the nominal cycle, in microseconds.</summary>
    public const int JitterMicros = 40;

    private readonly DbcDatabase _dbc;
    private readonly TrafficScenario _scenario;
    private readonly long _durationMillis;
    private readonly ulong _seed;
    private readonly CycleTimes _cycles;

    /// <summary>A generator for <paramref name="dbc"/>; <paramref name="cycles"/> (default: GenMsgCycleTime only) sets how often each message goes out.</summary>
    /// <exception cref="ArgumentException">No message has a cycle time, or the duration is not positive.</exception>
    public TrafficGenerator(DbcDatabase dbc, TrafficScenario scenario, long durationMillis, ulong seed, CycleTimes? cycles = null)
    {
        _cycles = cycles ?? CycleTimes.FromDbc;
        if (durationMillis <= 0)
        {
            throw new ArgumentException("the duration must be positive", nameof(durationMillis));
        }

        if (!dbc.Messages.Any(m => _cycles.Of(m) is > 0))
        {
            throw new ArgumentException($"{dbc.Source}: no message has a GenMsgCycleTime, so there is nothing cyclic to generate (give a default cycle, e.g. --cycle 100ms)", nameof(dbc));
        }

        _dbc = dbc;
        _scenario = scenario;
        _durationMillis = durationMillis;
        _seed = seed;
    }

    /// <summary>Capture start, nanoseconds since the Unix epoch.</summary>
    public long StartNanos { get; init; } = DefaultStartNanos;

    /// <summary>The frames in time order, each a new object.</summary>
    public IEnumerable<CaptureFrame> Frames()
    {
        var rng = new Xorshift(_seed);
        var model = new BatteryModel(_scenario, _durationMillis / 1000.0);
        var source = new SignalSource(model.State, rng);
        var cyclic = CyclicStreams();
        var events = ScriptedStreams();
        var batch = new List<CaptureFrame>();
        for (long ms = 0; ms < _durationMillis; ms++)
        {
            if (ms > 0)
            {
                model.Step(0.001);
            }

            batch.Clear();
            foreach (var c in cyclic)
            {
                if (c.NextMillis == ms)
                {
                    c.NextMillis += c.CycleMillis;
                    var f = NewFrame(ms, c.Channel, rng);
                    c.Synthesizer.Encode(f, source);
                    batch.Add(f);
                }
            }

            long inMinute = ms % 60_000;
            foreach (var (e, synthesizer, channel) in events)
            {
                if (e.AtMillis == inMinute)
                {
                    var f = NewFrame(ms, channel, rng);
                    synthesizer.Encode(f, source, e.Values);
                    if (e.Remote)
                    {
                        f.Remote = true;
                        f.Fd = f.BitRateSwitch = false;
                        f.Data.AsSpan().Clear();
                    }

                    batch.Add(f);
                }
            }

            if (inMinute == TcuScript.ErrorFrameAt)
            {
                batch.Add(ErrorFrame(NewFrame(ms, BmsChannel, rng)));
            }

            // Jitter (< 0.5 ms) can reorder frames of the same millisecond, never across milliseconds.
            SortStable(batch);

            foreach (var f in batch)
            {
                yield return f;
            }
        }
    }

    /// <summary>Writes every frame to <paramref name="writer"/>; returns the number written.</summary>
    public long Write(ICaptureWriter writer)
    {
        long n = 0;
        foreach (var f in Frames())
        {
            writer.Write(f);
            n++;
        }

        return n;
    }

    // Insertion sort: the batches are a handful of frames, and equal times keep their order.
    private static void SortStable(List<CaptureFrame> batch)
    {
        for (int i = 1; i < batch.Count; i++)
        {
            var f = batch[i];
            int j = i - 1;
            while (j >= 0 && batch[j].TimestampNanos > f.TimestampNanos)
            {
                batch[j + 1] = batch[j];
                j--;
            }

            batch[j + 1] = f;
        }
    }

    private static CaptureFrame ErrorFrame(CaptureFrame f)
    {
        // Controller problem, receive error warning (can/error.h CAN_ERR_CRTL, CAN_ERR_CRTL_RX_WARNING).
        f.Id = 0x004;
        f.Error = true;
        f.Length = 8;
        f.Data.AsSpan(0, 8).Clear();
        f.Data[1] = 0x04;
        return f;
    }

    private CaptureFrame NewFrame(long ms, string channel, Xorshift rng)
    {
        long jitterMicros = (long)Math.Round(rng.Symmetric() * JitterMicros);
        long t = StartNanos + (ms * 1_000_000) + (jitterMicros * 1000);
        return new CaptureFrame { Channel = channel, TimestampNanos = Math.Max(StartNanos, t) };
    }

    private static string ChannelOf(DbcMessage m) =>
        string.Equals(m.Sender, TcuNode, StringComparison.OrdinalIgnoreCase) ? TcuChannel : BmsChannel;

    // One stream per cyclic message, in DBC order; phases spread over the first 20 ms so the
    // messages do not all start in the same millisecond.
    private List<CyclicStream> CyclicStreams()
    {
        var list = new List<CyclicStream>();
        foreach (var m in _dbc.Messages)
        {
            if (_cycles.Of(m) is not { } cycle || cycle <= 0)
            {
                continue;
            }

            int phase = ((7 * list.Count) + 3) % Math.Min(cycle, 20);
            list.Add(new CyclicStream(new MessageSynthesizer(m), ChannelOf(m), cycle) { NextMillis = phase });
        }

        return list;
    }

    private List<(ScriptedEvent Event, MessageSynthesizer Synthesizer, string Channel)> ScriptedStreams()
    {
        var list = new List<(ScriptedEvent, MessageSynthesizer, string)>();
        foreach (var e in TcuScript.Events)
        {
            if (_dbc.Message(e.Message) is { } m)
            {
                list.Add((e, new MessageSynthesizer(m), e.Remote ? TcuChannel : ChannelOf(m)));
            }
        }

        return list;
    }

    private sealed class CyclicStream(MessageSynthesizer synthesizer, string channel, int cycleMillis)
    {
        public MessageSynthesizer Synthesizer { get; } = synthesizer;

        public string Channel { get; } = channel;

        public int CycleMillis { get; } = cycleMillis;

        public long NextMillis { get; set; }
    }
}
