using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// Encodes one DBC message into a frame through the DBC codec, signal by signal:
/// <list type="bullet">
/// <item>a multiplexed message cycles through its multiplexor values, one per transmission (identity pages, cell groups);</item>
/// <item>a signal the model knows by name (<see cref="SignalSource"/>) gets the model's value, clamped to the signal's [min|max];</item>
/// <item>a signal whose name ends in "Counter" counts transmissions, wrapping at its maximum;</item>
/// <item>a signal whose name ends in "Checksum" is the sum of the other payload bytes XOR 0xFF (the reference BMS's scheme), written last;</item>
/// <item>any other signal gets its GenSigStartValue (a raw value), else raw 0; bits no signal covers are 0.</item>
/// </list>
/// </summary>
public sealed class MessageSynthesizer
{
    private const int MaxPages = 256;
    private readonly List<DbcSignal> _order;
    private readonly int[] _pages;
    private long _sent;

    /// <summary>Prepares <paramref name="message"/> for repeated encoding.</summary>
    public MessageSynthesizer(DbcMessage message)
    {
        Message = message;
        IsFd = message.Length > 8 || message.Attributes.GetValueOrDefault("VFrameFormat")?.Number is 14 or 15;

        // Switches before the signals they select, checksums last.
        _order = message.Signals.OrderBy(s => s.IsMultiplexor ? Depth(s) : 100).ThenBy(s => IsChecksum(s) ? 1 : 0).ToList();
        _pages = message.Multiplexor is { } mux ? Pages(message, mux) : [];
    }

    /// <summary>The message.</summary>
    public DbcMessage Message { get; }

    /// <summary>True when the message goes out as a CAN FD frame (longer than 8 bytes, or VFrameFormat *CAN_FD).</summary>
    public bool IsFd { get; }

    /// <summary>Fills <paramref name="frame"/>'s id, flags and payload with the next transmission; <paramref name="overrides"/> (by signal name) win over the model.</summary>
    public void Encode(CaptureFrame frame, SignalSource source, IReadOnlyDictionary<string, double>? overrides = null)
    {
        frame.Id = Message.Id;
        frame.Extended = Message.IsExtended;
        frame.Remote = frame.Error = frame.ErrorStateIndicator = false;
        frame.Fd = frame.BitRateSwitch = IsFd;
        frame.Len8Dlc = 0;
        frame.Length = Message.Length;
        var data = frame.Data.AsSpan(0, Message.Length);
        data.Clear();
        int page = _pages.Length == 0 ? 0 : _pages[(int)(_sent % _pages.Length)];
        if (Message.Multiplexor is { } mux && overrides != null && overrides.TryGetValue(mux.Name, out double chosen))
        {
            page = (int)chosen;
        }

        foreach (var signal in _order)
        {
            if (!SignalCodec.Fits(signal, data.Length))
            {
                continue;
            }

            if (signal == Message.Multiplexor)
            {
                SignalCodec.Write(signal, data, (ulong)page);
                continue;
            }

            if (!MessageCodec.IsPresent(signal, data))
            {
                continue;
            }

            double? value = overrides != null && overrides.TryGetValue(signal.Name, out double given) ? given : source.Value(signal.Name, page);
            ulong raw = value is { } v ? Raw(signal, v) : IsCounter(signal) ? Counter(signal) : IsChecksum(signal) ? Checksum(signal, data) : DefaultRaw(signal);
            SignalCodec.Write(signal, data, raw);
        }

        _sent++;
    }

    /// <summary>Physical value to raw bits, clamped to the declared range and to what the bits hold.</summary>
    public static ulong Raw(DbcSignal signal, double value)
    {
        if (signal.Maximum > signal.Minimum)
        {
            value = Math.Clamp(value, signal.Minimum, signal.Maximum);
        }

        try
        {
            return SignalScaling.ToRaw(signal, value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DefaultRaw(signal);
        }
    }

    private static ulong DefaultRaw(DbcSignal signal)
    {
        double? start = signal.Attributes.GetValueOrDefault("GenSigStartValue")?.Number;
        if (start is not { } raw || !double.IsFinite(raw))
        {
            return 0;
        }

        ulong mask = signal.Length >= 64 ? ulong.MaxValue : (1UL << signal.Length) - 1;
        return (ulong)(long)raw & mask;
    }

    private static bool IsCounter(DbcSignal s) => s.Name.EndsWith("Counter", StringComparison.OrdinalIgnoreCase) && s.Length <= 32;

    private static bool IsChecksum(DbcSignal s) => s.Name.EndsWith("Checksum", StringComparison.OrdinalIgnoreCase) && s.Length <= 32;

    private ulong Counter(DbcSignal signal)
    {
        ulong wrap = 1UL << signal.Length;
        if (signal.Scale == 1 && signal.Offset == 0 && signal.Maximum > 0 && signal.Maximum < wrap - 1)
        {
            wrap = (ulong)signal.Maximum + 1;
        }

        return (ulong)_sent % wrap;
    }

    // Sum of every payload byte outside the checksum's own bits, XOR 0xFF, cut to the signal's width.
    private static ulong Checksum(DbcSignal signal, Span<byte> data)
    {
        Span<byte> mask = stackalloc byte[data.Length];
        SignalCodec.Mark(signal, mask);
        int sum = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (mask[i] == 0)
            {
                sum += data[i];
            }
        }

        ulong width = signal.Length >= 64 ? ulong.MaxValue : (1UL << signal.Length) - 1;
        return (ulong)(sum ^ 0xFF) & width;
    }

    private static int Depth(DbcSignal s)
    {
        int depth = 0;
        for (var p = s.Multiplexer; p != null; p = p.Multiplexer)
        {
            depth++;
        }

        return depth;
    }

    // The multiplexor values (below MaxPages) some signal is sent for, ascending.
    private static int[] Pages(DbcMessage message, DbcSignal mux)
    {
        var pages = new SortedSet<int>();
        foreach (var s in message.Signals.Where(s => s.Multiplexer == mux))
        {
            foreach (var r in s.MultiplexRanges)
            {
                for (ulong v = r.From; v <= r.To && v < MaxPages; v++)
                {
                    pages.Add((int)v);
                }
            }
        }

        return pages.Count > 0 ? [.. pages] : [0];
    }
}
