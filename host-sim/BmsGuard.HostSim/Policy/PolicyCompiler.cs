using System.Globalization;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Policy;

/// <summary>
/// Resolves a <see cref="PolicyDocument"/> against a DBC into the firmware's <see cref="TelemetryPolicy"/>:
/// names become bit layouts with exact fixed-point scaling, actions become treatments. Signals are ordered as
/// in the DBC (message, then signal order), so the same policy and DBC always give the same bundle body.
/// Errors name the policy file and line.
/// </summary>
public static class PolicyCompiler
{
    /// <summary>Compiles <paramref name="doc"/> with <paramref name="db"/>.</summary>
    /// <exception cref="InputException">A name, action or parameter is wrong; the message reads file:line: reason.</exception>
    public static TelemetryPolicy Compile(PolicyDocument doc, DbcDatabase db)
    {
        // Which DBC signal gets which entry: message-wide first, then per-signal entries override.
        var chosen = new Dictionary<DbcSignal, (PolicyEntry Entry, DbcMessage Message)>();
        foreach (var entry in doc.Messages)
        {
            var message = db.Message(entry.Name) ?? throw doc.Error(entry.Line, $"no message '{entry.Name}' in {db.Source}");
            foreach (var s in message.Signals)
            {
                chosen[s] = (entry, message);
            }
        }

        var explicitly = new HashSet<DbcSignal>();
        foreach (var entry in doc.Signals)
        {
            var (message, signal) = Resolve(db, doc, entry.Name, entry.Line);
            if (!explicitly.Add(signal))
            {
                throw doc.Error(entry.Line, $"{entry.Name} names the same signal as an earlier entry");
            }

            chosen[signal] = (entry, message);
        }

        var parts = new Dictionary<DbcSignal, (int Identifier, int Part, int Line)>();
        var identifiers = new List<TelemetryIdentifier>();
        for (int i = 0; i < doc.Identifiers.Count; i++)
        {
            identifiers.Add(CompileIdentifier(doc, db, doc.Identifiers[i], i, parts, explicitly));
        }

        var signals = new List<TelemetrySignal>();
        foreach (var message in db.Messages)
        {
            foreach (var s in message.Signals)
            {
                if (parts.TryGetValue(s, out var part))
                {
                    var t = new SignalTreatment(TelemetryAction.Identifier, 0, 0, 0, 0, 0, 0, part.Identifier, part.Part);
                    signals.Add(Layout(doc, db, message, s, part.Line, t, 0));
                }
                else if (chosen.TryGetValue(s, out var c))
                {
                    var (treatment, decimals) = Treatment(doc, c.Entry, s);
                    signals.Add(Layout(doc, db, message, s, c.Entry.Line, treatment, decimals));
                }
            }
        }

        if (doc.Brokers.Count == 0 || doc.TopicPrefix == null || doc.EgressBytesPerHour == null)
        {
            string missing = doc.Brokers.Count == 0 ? "destination: brokers" : doc.TopicPrefix == null ? "destination: topic-prefix" : "egress: bytes-per-hour";
            throw doc.Error(doc.RootLine, $"missing {missing}");
        }

        var policy = TelemetryPolicy.Build([.. signals], [.. identifiers], [.. doc.Brokers], [.. doc.TimeServers], doc.TopicPrefix, doc.EgressBytesPerHour.Value.Value, doc.DropNewest, out string? error);
        return policy ?? throw doc.Error(doc.RootLine, error ?? "invalid policy");
    }

    /// <summary>The name a signal has in a bundle: its DBC name when unique in the DBC, else Message.Signal.</summary>
    public static string CanonicalName(DbcDatabase db, DbcMessage message, DbcSignal signal) =>
        db.Messages.Count(m => m.Signal(signal.Name) != null) == 1 ? signal.Name : message.Name + "." + signal.Name;

    private static (DbcMessage, DbcSignal) Resolve(DbcDatabase db, PolicyDocument doc, string name, int line)
    {
        int dot = name.IndexOf('.');
        if (dot > 0)
        {
            var message = db.Message(name[..dot]);
            var signal = message?.Signal(name[(dot + 1)..]);
            return signal != null ? (message!, signal) : throw doc.Error(line, $"unknown signal '{name}' (no such message.signal in {db.Source})");
        }

        var matches = db.Messages.Where(m => m.Signal(name) != null).ToList();
        return matches.Count switch
        {
            1 => (matches[0], matches[0].Signal(name)!),
            0 => throw doc.Error(line, $"unknown signal '{name}' (not in {db.Source})"),
            _ => throw doc.Error(line, $"signal '{name}' is in several messages ({string.Join(", ", matches.Select(m => m.Name))}): write Message.{name}"),
        };
    }

    private static TelemetryIdentifier CompileIdentifier(PolicyDocument doc, DbcDatabase db, PolicyIdentifierEntry entry, int index,
        Dictionary<DbcSignal, (int, int, int)> parts, HashSet<DbcSignal> explicitly)
    {
        for (int p = 0; p < entry.Signals.Count; p++)
        {
            var (name, line) = entry.Signals[p];
            var (_, signal) = Resolve(db, doc, name, line);
            if (parts.ContainsKey(signal) || explicitly.Contains(signal))
            {
                throw doc.Error(line, $"{name} is already part of another identifier or has its own action");
            }

            parts[signal] = (index, p, line);
        }

        int action = IdentifierAction.Parse(entry.Action);
        if (action < 0)
        {
            throw doc.Error(entry.Line, $"{entry.Name}: unknown identifier action '{entry.Action}' (drop, pseudonymize)");
        }

        int bytes = 0;
        long every = 0;
        if (action == IdentifierAction.Pseudonymize)
        {
            bytes = 16;
            if (entry.Options.TryGetValue("bytes", out var b) && (!int.TryParse(b.Value, NumberStyles.None, CultureInfo.InvariantCulture, out bytes)))
            {
                throw doc.Error(b.Line, $"bytes must be an integer 8..32, not '{b.Value}'");
            }

            every = entry.Options.TryGetValue("every", out var e) ? PolicyDurations.Parse(doc, e.Value, e.Line) : 0;
        }
        else if (entry.Options.Count > 0)
        {
            throw doc.Error(entry.Line, $"{entry.Name}: a dropped identifier takes no bytes or every");
        }

        string? error = TelemetryIdentifier.Check(entry.Name, action, bytes, every);
        return error == null ? new TelemetryIdentifier(entry.Name, action, bytes, every) : throw doc.Error(entry.Line, $"{entry.Name}: {error}");
    }

    // The treatment in the signal's units: those of the DBC scaling, refined when the step needs more decimals.
    private static (SignalTreatment, int) Treatment(PolicyDocument doc, PolicyEntry entry, DbcSignal s)
    {
        int action = TelemetryAction.Parse(entry.Action);
        if (action < 0 || action == TelemetryAction.Identifier)
        {
            throw doc.Error(entry.Line, $"{entry.Name}: unknown action '{entry.Action}' (forward, drop, quantize, downsample, aggregate, delay)");
        }

        foreach (var (field, (_, line)) in entry.Options)
        {
            if (!Applies(action, field))
            {
                throw doc.Error(line, $"{entry.Name}: {field} does not apply to {entry.Action} ({Fields(action)})");
            }
        }

        if (action == TelemetryAction.Aggregate && !entry.Options.ContainsKey("function"))
        {
            throw doc.Error(entry.Line, $"{entry.Name}: aggregate needs function (min, max, mean, last)");
        }

        decimal step = 0;
        if (entry.Options.TryGetValue("step", out var st)
            && (!decimal.TryParse(st.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out step) || step <= 0))
        {
            throw doc.Error(st.Line, $"step must be a positive decimal, not '{st.Value}'");
        }

        long Time(string key) => entry.Options.TryGetValue(key, out var o) ? PolicyDurations.Parse(doc, o.Value, o.Line) : 0;
        int function = 0;
        if (entry.Options.TryGetValue("function", out var fn) && (function = AggregateFunction.Parse(fn.Value)) < 0)
        {
            throw doc.Error(fn.Line, $"unknown function '{fn.Value}' (min, max, mean, last)");
        }

        int slots = action == TelemetryAction.Delay ? 16 : 0;
        if (entry.Options.TryGetValue("slots", out var sl) && !int.TryParse(sl.Value, NumberStyles.None, CultureInfo.InvariantCulture, out slots))
        {
            throw doc.Error(sl.Line, $"slots must be an integer 1..64, not '{sl.Value}'");
        }

        int decimals = Math.Max(FixedPoint.SignalDecimals(s), FixedPoint.Decimals(step));
        if (decimals > 9)
        {
            throw doc.Error(st.Line, $"{entry.Name}: step needs more than 9 decimals");
        }

        long stepUnits = (long)(step * FixedPoint.Pow10(decimals));
        long every = Time("every");
        long window = Time("window");
        long by = Time("by");
        string? error = SignalTreatment.Check(action, stepUnits, every, window, function, by, slots, -1, 0);
        return error == null
            ? (new SignalTreatment(action, stepUnits, every, window, function, by, slots, -1, 0), decimals)
            : throw doc.Error(entry.Line, $"{entry.Name}: {error}");
    }

    // What each action reads; anything else written on an entry is an error, never silently dropped.
    // Downsample takes no step: quantize with step and every is the same thing said once.
    private static string Fields(int action) => action switch
    {
        TelemetryAction.Quantize => "step, every",
        TelemetryAction.Downsample => "every",
        TelemetryAction.Aggregate => "window, function, step",
        TelemetryAction.Delay => "by, slots, every, step",
        TelemetryAction.Forward => "every, step",
        _ => "no fields",
    };

    private static bool Applies(int action, string field) =>
        Fields(action).Split(", ").Contains(field);

    private static TelemetrySignal Layout(PolicyDocument doc, DbcDatabase db, DbcMessage message, DbcSignal s, int line, SignalTreatment t, int decimals)
    {
        string name = CanonicalName(db, message, s);
        if (s.ValueType != DbcValueType.Integer)
        {
            throw doc.Error(line, $"{name}: float signals cannot be compiled (integer signals only)");
        }

        if (message.Length > 8 || message.Id > (message.IsExtended ? 0x1FFFFFFFu : 0x7FFu))
        {
            throw doc.Error(line, $"{name}: message {message.Name} is not a classic CAN frame (the guard carries classic CAN only)");
        }

        decimal scale = s.ExactScale ?? (decimal)s.Scale;
        decimal offset = s.ExactOffset ?? (decimal)s.Offset;
        decimals = Math.Max(decimals, FixedPoint.SignalDecimals(s));
        SignalMux? mux = null;
        if (s.Multiplexer is { } sw)
        {
            if (sw.Multiplexer != null || s.MultiplexRanges.Count != 1 || s.MultiplexRanges[0].To > ushort.MaxValue)
            {
                throw doc.Error(line, $"{name}: only simple multiplexing (one switch value or range) can be compiled");
            }

            var range = s.MultiplexRanges[0];
            string? muxError = SignalMux.Check(sw.StartBit, sw.Length, sw.ByteOrder == DbcByteOrder.Motorola, (int)range.From, (int)range.To);
            mux = muxError == null
                ? new SignalMux(sw.StartBit, sw.Length, sw.ByteOrder == DbcByteOrder.Motorola, (int)range.From, (int)range.To)
                : throw doc.Error(line, $"{name}: {muxError}");
        }

        long scaleUnits = (long)(scale * FixedPoint.Pow10(decimals));
        long offsetUnits = (long)(offset * FixedPoint.Pow10(decimals));
        string? error = TelemetrySignal.Check(name, message.Id, message.IsExtended, s.StartBit, s.Length, s.ByteOrder == DbcByteOrder.Motorola,
            scaleUnits, offsetUnits, decimals, s.Unit);
        if (error != null || !s.Unit.All(c => c is >= ' ' and <= '~'))
        {
            throw doc.Error(line, $"{name}: {error ?? "unit must be printable ASCII"}");
        }

        return new TelemetrySignal(name, message.Id, message.IsExtended, s.StartBit, s.Length, s.ByteOrder == DbcByteOrder.Motorola,
            s.IsSigned, scaleUnits, offsetUnits, decimals, s.Unit, mux, t);
    }
}
