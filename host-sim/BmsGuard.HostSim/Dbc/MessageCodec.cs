namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// Decodes and encodes whole messages. A multiplexed signal is present only when its switch is
/// present and holds a value in the signal's ranges (mN, or SG_MUL_VAL_ for extended
/// multiplexing); signals whose bits lie beyond a short payload are absent. A signal the DBC lets
/// reach past its own message length is decoded from the bits a frame of that length carries.
/// </summary>
public static class MessageCodec
{
    /// <summary>The signals present in <paramref name="data"/>, in DBC order.</summary>
    public static List<DbcSignalValue> Decode(DbcMessage message, ReadOnlySpan<byte> data)
    {
        var values = new List<DbcSignalValue>(message.Signals.Count);
        Decode(message, data, values);
        return values;
    }

    /// <summary>Appends the signals present in <paramref name="data"/> to <paramref name="values"/> (cleared first).</summary>
    public static void Decode(DbcMessage message, ReadOnlySpan<byte> data, List<DbcSignalValue> values)
    {
        values.Clear();
        foreach (var signal in message.Signals)
        {
            if (IsPresent(signal, data))
            {
                ulong raw = SignalCodec.Read(signal, data);
                values.Add(new DbcSignalValue(signal, raw, SignalScaling.ToPhysical(signal, raw)));
            }
            else if (IsPartlyCarried(message, signal, data))
            {
                ulong raw = SignalCodec.ReadCarried(signal, data);
                values.Add(new DbcSignalValue(signal, raw, SignalScaling.ToPhysical(signal, raw)));
            }
        }
    }

    /// <summary>True when <paramref name="data"/> carries <paramref name="signal"/>: it fits, and its switches select it.</summary>
    public static bool IsPresent(DbcSignal signal, ReadOnlySpan<byte> data)
    {
        for (var s = signal; s != null; s = s.Multiplexer)
        {
            if (!SignalCodec.Fits(s, data.Length))
            {
                return false;
            }

            if (s.Multiplexer is { } sw && !InRanges(s.MultiplexRanges, SignalCodec.Read(sw, data)))
            {
                return false;
            }
        }

        return true;
    }

    // A signal reaching past its message (a DBC flaw, warned about when read) in a frame at least
    // as long as the message: integer signals decode from the bits that are there.
    private static bool IsPartlyCarried(DbcMessage message, DbcSignal signal, ReadOnlySpan<byte> data) =>
        signal.ReachesPastMessage && data.Length >= message.Length && signal.ValueType == DbcValueType.Integer
        && SignalCodec.CarriedBits(signal, data.Length) > 0
        && (signal.Multiplexer is not { } sw || (IsPresent(sw, data) && InRanges(signal.MultiplexRanges, SignalCodec.Read(sw, data))));

    /// <summary>A new payload of the message's length with the given physical values, other bits zero.</summary>
    /// <exception cref="ArgumentException">An unknown signal, a value that does not fit, or a multiplexed signal its switch values do not select.</exception>
    public static byte[] Encode(DbcMessage message, IEnumerable<KeyValuePair<string, PhysicalValue>> values)
    {
        var data = new byte[message.Length];
        Encode(message, values, data);
        return data;
    }

    /// <summary>Writes the given physical values into <paramref name="data"/>; bits of signals not given keep their value.</summary>
    /// <exception cref="ArgumentException">An unknown signal, a value that does not fit, or a multiplexed signal its switch values do not select.</exception>
    public static void Encode(DbcMessage message, IEnumerable<KeyValuePair<string, PhysicalValue>> values, Span<byte> data)
    {
        var written = new List<DbcSignal>();
        foreach (var (name, value) in values)
        {
            var signal = message.Signal(name) ?? throw new ArgumentException($"message {message.Name} has no signal {name}", nameof(values));
            SignalCodec.Write(signal, data, SignalScaling.ToRaw(signal, value));
            written.Add(signal);
        }

        // Checked after all writes, so switches may be given in any order.
        foreach (var signal in written)
        {
            if (!IsPresent(signal, data))
            {
                var sw = signal.Multiplexer!;
                string ranges = string.Join(", ", signal.MultiplexRanges);
                throw new ArgumentException($"{message.Name}.{signal.Name} is only sent when {sw.Name} is {ranges}; give {sw.Name} one of those values", nameof(values));
            }
        }
    }

    private static bool InRanges(IReadOnlyList<DbcMuxRange> ranges, ulong value)
    {
        foreach (var r in ranges)
        {
            if (r.Contains(value))
            {
                return true;
            }
        }

        return false;
    }
}
